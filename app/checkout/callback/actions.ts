"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { getCallbackStatus, type CallbackStatus } from "@/lib/checkout/callback-status";
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

export type CheckResult = { ok: true; status: CallbackStatus } | { ok: false; reason: "invalid" | "rate_limited" };

export async function loadCallbackStatus(orderNumber: unknown): Promise<CheckResult> {
  const parsed = orderNumberSchema.safeParse(orderNumber);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  if (!allow(clientAddress(await headers()) ?? "unknown")) return { ok: false, reason: "rate_limited" };
  return { ok: true, status: await getCallbackStatus(getDb(), parsed.data, fetchOrderSnapshot) };
}
