"use server";
// Bringing an order in from Points by its uuid (the order page and the search
// box offer it when we hold no such order), and orders admins create at Points:
// manual earnings and payment links.
import { headers } from "next/headers";
import { z } from "zod";
import { staffAction } from "@/lib/auth/safe-action";
import { getConfig } from "@/lib/config/env";
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

export const fetchOrderAction = staffAction(
  {
    name: "fetchOrderAction",
    role: "support",
    input: fetchSchema,
    genericMessage: "Something went wrong; the order was not fetched. Try again in a moment.",
    revalidate: (_input, result: FetchOrderResult) => (result.ok ? [`/orders/${result.orderUuid}`] : []),
  },
  ({ db, user, input }) => fetchOrderFromPoints({ db, client: getPointsClient() }, user.id, input.uuid),
);

const STAFF_REQUEST_ERROR = "Something went wrong; check the audit log before trying again.";

export const createManualEarningAction = staffAction(
  {
    name: "createManualEarningAction",
    role: "admin",
    input: manualEarningSchema,
    genericMessage: STAFF_REQUEST_ERROR,
    revalidate: ["/orders"],
  },
  ({ db, user, input }): Promise<StaffRequestResult> =>
    createManualEarning({ db, client: getPointsClient() }, user.id, input),
);

export const createPaymentLinkAction = staffAction(
  { name: "createPaymentLinkAction", role: "admin", input: paymentLinkSchema, genericMessage: STAFF_REQUEST_ERROR },
  async ({ db, user, input }): Promise<StaffRequestResult> => {
    const base = getConfig().appUrl ?? requestOrigin(await headers());
    return createPaymentLink({ db, client: getPointsClient() }, user.id, input, base);
  },
);
