"use server";
// Public: the page Points sends the shopper back to polls this. Throttled per
// address, since there is no session to hold anyone to account.
import { headers } from "next/headers";
import { z } from "zod";
import { getCallbackStatus } from "@/lib/checkout/callback-status";
import { ActionRefusal, publicAction } from "@/lib/auth/safe-action";
import { getDb } from "@/lib/db/prisma";
import { clientAddress } from "@/lib/http/client-address";
import { createRateLimiter } from "@/lib/http/rate-limit";
import { fetchOrderSnapshot } from "@/lib/points/fetch-order-snapshot";

// Public page: one shopper polls every few seconds; anything far above that is abuse.
const allow = createRateLimiter({ limit: 40, windowMs: 60_000 });

const orderNumberSchema = z
  .string()
  .trim()
  .transform((v) => v.replace(/^#/, "").trim())
  .pipe(z.string().min(1).max(100));

export const loadCallbackStatus = publicAction(
  { name: "loadCallbackStatus", input: orderNumberSchema },
  async (orderNumber) => {
    if (!allow(clientAddress(await headers()) ?? "unknown"))
      throw new ActionRefusal("Too many requests; wait a minute.");
    return { ok: true, status: await getCallbackStatus(getDb(), orderNumber, fetchOrderSnapshot) };
  },
);
