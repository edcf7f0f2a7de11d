// points-api.md §1.5: accepted KSA formats are normalised to 5\d{8}.
const PREFIXES = ["+966", "00966", "966", "0"];

export function normalisePhone(input: string): string | null {
  const compact = input.replace(/[\s\-().]/g, "");
  for (const prefix of PREFIXES) {
    if (compact.startsWith(prefix)) {
      const rest = compact.slice(prefix.length);
      if (/^5\d{8}$/.test(rest)) return rest;
    }
  }
  return /^5\d{8}$/.test(compact) ? compact : null;
}

// points-api.md §7 "Sandbox testing": reserved numbers with fixed behaviour.
export const SANDBOX_PHONES = {
  activeWithBalance: "500000001",
  activeZeroBalance: "500000002",
  noAccount: "500000003",
  // ASSUMPTION (sim-only): lets the dashboard exercise pending_client_activation.
  pendingActivation: "500000004",
} as const;

export const NO_ACCOUNT_MESSAGE = "للاسف ما عندك حساب في بوينتس";
