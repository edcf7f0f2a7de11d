"use server";
// Bringing an order in from Points by its uuid (the order page and the search
// box offer it when we hold no such order), and orders admins create at Points:
// manual earnings and payment links.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { validatedAction } from "@/lib/auth/safe-action";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/prisma";
import { requestOrigin } from "@/lib/http/request-origin";
import { fetchOrderFromPoints, type FetchOrderResult } from "@/lib/orders/fetch-order-from-points";
import {
  createManualEarning,
  createPaymentLink,
  manualEarningSchema,
  paymentLinkSchema,
  type StaffRequestResult,
} from "@/lib/orders/staff-requests";
import { getPointsClient } from "@/lib/points/get-points-client";

const fetchSchema = z.object({ uuid: z.uuid("that is not a Points order uuid").transform((v) => v.toLowerCase()) });

export async function fetchOrderAction(input: unknown): Promise<FetchOrderResult> {
  return validatedAction(
    "fetchOrderAction",
    "support",
    "Something went wrong; the order was not fetched. Try again in a moment.",
    fetchSchema,
    input,
    async (user, { uuid }) => {
      const result = await fetchOrderFromPoints({ db: getDb(), client: getPointsClient() }, user.id, uuid);
      if (result.ok) revalidatePath(`/orders/${result.orderUuid}`);
      return result;
    },
  );
}

const STAFF_REQUEST_ERROR = "Something went wrong; check the audit log before trying again.";

export async function createManualEarningAction(input: unknown): Promise<StaffRequestResult> {
  return validatedAction(
    "createManualEarningAction",
    "admin",
    STAFF_REQUEST_ERROR,
    manualEarningSchema,
    input,
    async (user, data) => {
      const result = await createManualEarning({ db: getDb(), client: getPointsClient() }, user.id, data);
      revalidatePath("/orders");
      return result;
    },
  );
}

export async function createPaymentLinkAction(input: unknown): Promise<StaffRequestResult> {
  return validatedAction(
    "createPaymentLinkAction",
    "admin",
    STAFF_REQUEST_ERROR,
    paymentLinkSchema,
    input,
    async (user, data) => {
      const base = getConfig().appUrl ?? requestOrigin(await headers());
      return createPaymentLink({ db: getDb(), client: getPointsClient() }, user.id, data, base);
    },
  );
}
