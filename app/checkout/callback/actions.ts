"use server";
// Public: the page Points sends the shopper back to polls this. Throttled per
// address, since there is no session to hold anyone to account.
import { headers } from "next/headers";
import { z } from "zod";
import { publicAction } from "@/lib/auth/safe-action";
import { getCallbackStatus, type CallbackStatus } from "@/lib/checkout/callback-status";
import { isValidCallbackToken } from "@/lib/checkout/callback-token";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/prisma";
import { clientAddress } from "@/lib/http/client-address";
import { allowRequest } from "@/lib/http/shared-rate-limit";
import { fetchOrderSnapshot } from "@/lib/orders/fetch-order-snapshot";

// Public page: one shopper polls every few seconds (20 a minute); anything far above
// that is abuse (guessing order numbers). Counted in the database, so it holds across instances.
const WINDOW_MS = 60_000;

const orderNumberSchema = z
  .string()
  .trim()
  .transform((v) => v.replace(/^#/, "").trim())
  .pipe(z.string().min(1).max(100));

const inputSchema = z.object({
  orderNumber: orderNumberSchema,
  // The signature the merchant's checkout put in the callback URL (callback-token.ts), if any.
  token: z.string().max(200).optional().catch(undefined),
});

/** The order's state for the page; `rateLimited` when this address asked too often (nothing is looked up). */
export const loadCallbackStatus = publicAction(
  { name: "loadCallbackStatus", input: inputSchema },
  async ({ orderNumber, token }): Promise<{ ok: true; status: CallbackStatus | null; rateLimited: boolean }> => {
    const db = getDb();
    const config = getConfig();
    const limit = { limit: config.callbackRateLimitPerMinute, windowMs: WINDOW_MS };
    if (!(await allowRequest(db, `checkout-callback:${clientAddress(await headers()) ?? "unknown"}`, limit)))
      return { ok: true, status: null, rateLimited: true };
    const revealAmounts = isValidCallbackToken(config.checkoutCallbackSecret, orderNumber, token);
    const status = await getCallbackStatus(db, orderNumber, { revealAmounts, fetchFromPoints: fetchOrderSnapshot });
    return { ok: true, status, rateLimited: false };
  },
);
