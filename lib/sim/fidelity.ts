// How faithfully the double sticks to what points-api.md documents. "extended"
// (the default) sends the extra fields and answers our ASSUMPTIONs chose;
// "documented" sends only documented fields and the harsher reading of every
// UNKNOWN, so the dashboard can be tested against what real Points may do.
// Each switch can also be set on its own (control API: POST /__control/fidelity).
import { z } from "zod";

export const FIDELITY_MODES = ["extended", "documented"] as const;
export type FidelityMode = (typeof FIDELITY_MODES)[number];

export const fidelitySwitches = z.object({
  /** §4.3, §8.9, E10: `refund_amount`/`refunded_total` in refund webhooks and in the refund answer's appended_data. */
  refundExtras: z.boolean(),
  /** §3.1, §8.10: the API order resource also carries `shipping_status` and `payment_status`. */
  apiExtraKeys: z.boolean(),
  /** §4.3, §8.10: `order.status` of `shipping_status_updated`: the shipping enum, or the API's numeric legacy code. */
  webhookShippingStatus: z.enum(["enum", "numeric"]),
  /** §3.1, §3.4: `status_label` is the Arabic label (English when none), or the English one (Arabic when none). */
  statusLabel: z.enum(["ar", "en"]),
  /** §3.1, §4.2: timestamps with milliseconds, or whole seconds as the docs' examples show (changes within one second then share `updated_at`). */
  timestampPrecision: z.enum(["ms", "s"]),
  /** E6–E10, §8.6, §8.8: answer of authorize/capture/complete/cancel/refund: the order resource, or an empty `data`. */
  actionBody: z.enum(["order", "empty"]),
});
export type Fidelity = z.infer<typeof fidelitySwitches>;

export const FIDELITY_PRESETS: Record<FidelityMode, Fidelity> = {
  extended: {
    refundExtras: true,
    apiExtraKeys: true,
    webhookShippingStatus: "enum",
    statusLabel: "ar",
    timestampPrecision: "ms",
    actionBody: "order",
  },
  documented: {
    refundExtras: false,
    apiExtraKeys: false,
    webhookShippingStatus: "enum",
    statusLabel: "ar",
    timestampPrecision: "s",
    actionBody: "empty",
  },
};

export const fidelityBody = fidelitySwitches.partial().extend({ mode: z.enum(FIDELITY_MODES).optional() });
export type FidelityInput = z.infer<typeof fidelityBody>;

/** A preset (mode) first, then any single switch given beside it. */
export function resolveFidelity(input: FidelityInput | FidelityMode | undefined, base: Fidelity): Fidelity {
  if (input === undefined) return { ...base };
  if (typeof input === "string") return { ...FIDELITY_PRESETS[input] };
  const { mode, ...switches } = input;
  const defined = Object.fromEntries(Object.entries(switches).filter(([, v]) => v !== undefined));
  return { ...(mode ? FIDELITY_PRESETS[mode] : base), ...defined };
}

/** Which preset the switches equal, if any (shown by the control API). */
export function fidelityMode(f: Fidelity): FidelityMode | "custom" {
  const same = (p: Fidelity) => (Object.keys(p) as Array<keyof Fidelity>).every((k) => p[k] === f[k]);
  return FIDELITY_MODES.find((m) => same(FIDELITY_PRESETS[m])) ?? "custom";
}

/** `SIM_MODE` (extended|documented) for the CLI and the stack; anything else stops with one clear line. */
export function fidelityFromEnv(raw: string | undefined): FidelityMode | undefined {
  if (raw === undefined || raw === "") return undefined;
  if ((FIDELITY_MODES as readonly string[]).includes(raw)) return raw as FidelityMode;
  throw new Error(`SIM_MODE must be one of ${FIDELITY_MODES.join(", ")}, got "${raw}"`);
}
