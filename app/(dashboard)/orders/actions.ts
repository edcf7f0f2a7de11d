"use server";
// Bringing an order in from Points by its uuid (the order page and the search
// box offer it when we hold no such order).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAction } from "@/lib/auth/safe-action";
import { getDb } from "@/lib/db/prisma";
import { fetchOrderFromPoints, type FetchOrderResult } from "@/lib/orders/fetch-order-from-points";
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
