import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { NotBuiltYet } from "@/components/ui/states";
import { requireUser } from "@/lib/auth/require-user";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  await requireUser("ops");
  return (
    <>
      <PageHeader title="Webhooks" />
      <NotBuiltYet title="Webhook delivery log" willDo="The live log of every Points webhook delivery, with filters, payloads, replay and verification failures." />
    </>
  );
}
