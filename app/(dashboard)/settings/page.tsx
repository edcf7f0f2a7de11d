import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { NotBuiltYet } from "@/components/ui/states";
import { requireUser } from "@/lib/auth/require-user";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requireUser("admin");
  return (
    <>
      <PageHeader title="Settings" />
      <NotBuiltYet title="Settings" willDo="Points webhook endpoints, accepted webhook secrets, the integration on/off switch, refund approval threshold, and staff users and roles." />
    </>
  );
}
