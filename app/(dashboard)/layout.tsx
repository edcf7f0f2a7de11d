import type { ReactNode } from "react";
import { QueryProvider } from "@/components/providers/query-provider";
import { AppShell } from "@/components/shell/app-shell";
import { navFor } from "@/components/shell/nav-items";
import { requireUser } from "@/lib/auth/require-user";
import { signOutAction } from "./sign-out-action";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireUser("viewer");
  return (
    <AppShell user={user} nav={navFor(user.role)} signOutAction={signOutAction}>
      <QueryProvider>{children}</QueryProvider>
    </AppShell>
  );
}
