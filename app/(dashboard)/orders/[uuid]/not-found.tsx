import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/states";

// Orders exist here only once Points has sent a webhook for them (or an API read stored them).
export default function OrderNotFound() {
  return (
    <EmptyState
      title="Points has not sent this order yet"
      description="The dashboard learns about an order from its first webhook. If the order was just created, wait a moment and reload; otherwise check the Points uuid."
      action={
        <Link href="/orders" className={buttonClasses({ variant: "secondary" })}>
          Back to orders
        </Link>
      }
    />
  );
}
