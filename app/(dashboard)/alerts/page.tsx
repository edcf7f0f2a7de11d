import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { NotBuiltYet } from "@/components/ui/states";
import { requireUser } from "@/lib/auth/require-user";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage() {
  await requireUser("ops");
  return (
    <>
      <PageHeader title="Alerts" />
      <NotBuiltYet title="Alerts" willDo="Alert rules on Points API errors (400/403/422/429 spikes), webhook failures and dead letters, overdue confirmations and reconciliation differences, with Slack-compatible notifications." />
    </>
  );
}
