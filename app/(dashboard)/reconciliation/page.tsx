import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { NotBuiltYet } from "@/components/ui/states";
import { requireUser } from "@/lib/auth/require-user";

export const metadata: Metadata = { title: "Reconciliation" };

export default async function ReconciliationPage() {
  await requireUser("ops");
  return (
    <>
      <PageHeader title="Reconciliation" />
      <NotBuiltYet title="Reconciliation" willDo="Nightly comparison of every open or recently changed order with Points (GET /orders/{uuid}), differences field by field, one-click heal, and a lifecycle checker." />
    </>
  );
}
