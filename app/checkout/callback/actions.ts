"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { getCallbackStatus, type CallbackStatus } from "@/lib/checkout/callback-status";
import { isValidCallbackToken } from "@/lib/checkout/callback-token";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/prisma";
import { clientAddress } from "@/lib/http/client-address";
import { allowRequest } from "@/lib/http/shared-rate-limit";
import { fetchOrderSnapshot } from "@/lib/points/fetch-order-snapshot";

// Public page: one shopper polls every few seconds (20 a minute); anything far above
// that is abuse (guessing order numbers). Counted in the database, so it holds across instances.
const WINDOW_MS = 60_000;

const orderNumberSchema = z
  .string()
  .trim()
  .transform((v) => v.replace(/^#/, "").trim())
  .pipe(z.string().min(1).max(100));

export type CheckResult = { ok: true; status: CallbackStatus } | { ok: false; reason: "invalid" | "rate_limited" };

export async function loadCallbackStatus(orderNumber: unknown, token?: unknown): Promise<CheckResult> {
  const parsed = orderNumberSchema.safeParse(orderNumber);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const db = getDb();
  const config = getConfig();
  const limit = { limit: config.callbackRateLimitPerMinute, windowMs: WINDOW_MS };
  if (!(await allowRequest(db, `checkout-callback:${clientAddress(await headers()) ?? "unknown"}`, limit)))
    return { ok: false, reason: "rate_limited" };
  const revealAmounts = isValidCallbackToken(config.checkoutCallbackSecret, parsed.data, token);
  return {
    ok: true,
    status: await getCallbackStatus(db, parsed.data, { revealAmounts, fetchFromPoints: fetchOrderSnapshot }),
  };
}
