// A Notice (lib/result/action-result.ts) read back from a JSON column: only a
// string key and string or number values count; anything else (a row stored
// before notices were, a malformed value) is null, and the page falls back to
// the row's stored English text.
import type { Notice } from "./action-result";

export function storedNotice(value: unknown): (Notice & { values: Record<string, string | number> }) | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const { key, values } = value as Record<string, unknown>;
  if (typeof key !== "string") return null;
  const kept =
    values && typeof values === "object" && !Array.isArray(values)
      ? Object.fromEntries(
          Object.entries(values).filter((e): e is [string, string | number] =>
            ["string", "number"].includes(typeof e[1]),
          ),
        )
      : {};
  return { key, values: kept };
}
