import Link from "next/link";
import { Td } from "@/components/ui/table";

/** The order a difference or flag is about: its page when we hold it, else the bare uuid. */
export function OrderCell({ orderUuid, orderNumber }: { orderUuid: string; orderNumber: string | null }) {
  return (
    <Td mono>
      {orderNumber ? (
        <Link href={`/orders/${orderUuid}`} className="text-accent underline-offset-2 hover:underline">
          {orderNumber}
        </Link>
      ) : (
        <span title="We hold no order with this uuid">{orderUuid}</span>
      )}
    </Td>
  );
}
