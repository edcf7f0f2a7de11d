import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { NotBuiltYet } from "@/components/ui/states";
import { requireUser } from "@/lib/auth/require-user";

export const metadata: Metadata = { title: "Go-live" };

export default async function GolivePage() {
  await requireUser("ops");
  return (
    <>
      <PageHeader title="Go-live" />
      <NotBuiltYet title="Go-live" willDo="The Points go-live checklist, evaluated live where the app can know it (keys, webhook secrets, recent verified webhooks, reconciliation, smoke tests) and signed off by hand for the rest." />
    </>
  );
}
