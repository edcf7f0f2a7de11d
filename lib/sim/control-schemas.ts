import { z } from "zod";
import { CAPABILITIES } from "./state";

const faultRule = z.object({
  status: z.number().int().min(400).max(599).optional(),
  count: z.number().int().min(1).optional(),
  paths: z.string().optional(),
  method: z.string().optional(),
  delayMs: z.number().int().min(0).max(600_000).optional(),
  phase: z.enum(["before", "after"]).optional(),
  message: z.string().optional(),
  rate: z.number().min(0).max(1).optional(),
  retryAfter: z.number().int().min(0).max(3_600).optional(),
});
export const faultsBody = z.union([
  z.object({ reset: z.literal(true) }),
  z.object({ rules: z.array(faultRule) }),
  faultRule,
]);

export const capabilitiesBody = z.partialRecord(z.enum(CAPABILITIES), z.boolean());

export const merchantBody = z
  .object({
    privateKey: z.string().min(1),
    publicKey: z.string().min(1),
    keyActive: z.boolean(),
    integrationActive: z.boolean(),
    verified: z.boolean(),
    pointsMultiplier: z.number().min(0),
    storeRatingPoints: z.number().int().min(0),
    productRatingPoints: z.number().int().min(0),
    lockWindowMs: z.number().int().min(0),
    lockHoldMs: z.number().int().min(0),
  })
  .partial();

export const webhookConfigBody = z
  .object({
    duplicates: z.union([z.boolean(), z.number().min(0).max(1)]),
    shuffle: z.boolean(),
    shuffleWindowMs: z.number().int().min(0).max(60_000),
    delayMs: z.number().int().min(0).max(600_000),
    paused: z.boolean(),
    retryDelaysMs: z.array(z.number().int().min(0)).max(10),
    timeoutMs: z.number().int().min(1).max(600_000),
  })
  .partial();

export const endpointBody = z.object({
  url: z.url(),
  secret: z.string().min(1).optional(),
  name: z.string().min(1).optional(),
});

export const payBody = z.object({ mode: z.enum(["approve", "authorize"]).optional() });
export const abandonBody = z.object({ reason: z.string().max(500).optional() });
export const autoRefundBody = z.object({ amount: z.number().min(0.01).optional() });
