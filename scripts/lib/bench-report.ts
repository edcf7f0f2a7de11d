// What the benchmarks share: options from the command line or the environment,
// percentiles, and a goal printed beside each figure with ✓ or ✗.

/** `--name value` on the command line, else the environment variable, else the default. */
export function numberOption(name: string, envName: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const raw = i >= 0 ? process.argv[i + 1] : process.env[envName];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw.replace(/_/g, ""));
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`--${name} / ${envName} must be a number ≥ 0, got "${raw}"`);
  return value;
}

export const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export const mark = (ok: boolean) => (ok ? "✓" : "✗");

/** "figure   goal ✓" with the figure padded to line the goals up. */
export const goalLine = (figure: string, goal: string, ok: boolean) => `${figure.padEnd(58)} goal: ${goal} ${mark(ok)}`;

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/**
 * A figure checked against an "at most" or "at least" goal, rounded away from the goal: one just over
 * "≤ 1.5 ×" prints 1.51, not 1.50 beside its ✗, and one just under "≥ 70 %" prints 69, not 70.
 */
export function fmtAgainst(n: number, goal: "at most" | "at least", digits = 2): string {
  const scale = 10 ** digits;
  // The epsilon keeps a figure that is exact in decimal (1.1 × 100 = 110.00000000000001) from moving.
  const rounded = goal === "at most" ? Math.ceil(n * scale - 1e-9) : Math.floor(n * scale + 1e-9);
  return fmt(rounded / scale, digits);
}
