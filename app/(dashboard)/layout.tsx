import type { ReactNode } from "react";
import { FiringAlertsBadge } from "@/components/alerts/firing-alerts-badge";
import { QueryProvider } from "@/components/providers/query-provider";
import { AppShell } from "@/components/shell/app-shell";
import { navFor } from "@/components/shell/nav-items";
import { firingSummary } from "@/lib/alerts/list-alerts";
import { pendingApprovalCount } from "@/lib/approvals/pending-approvals";
import { requireUser } from "@/lib/auth/require-user";
import { hasRole } from "@/lib/auth/roles";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/prisma";
import { signOutAction } from "./sign-out-action";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireUser("viewer");
  const ops = hasRole(user.role, "ops");
  const [alerts, approvals] = ops
    ? await Promise.all([firingSummary(getDb()), pendingApprovalCount(getDb(), getConfig().refundApprovalExpiryMs)])
    : [null, 0];
  const nav = navFor(user.role).map((item) => (item.href === "/approvals" ? { ...item, count: approvals } : item));
  // The provider wraps the shell too: the header badge polls through TanStack Query.
  return (
    <QueryProvider>
      <AppShell
        user={user}
        nav={nav}
        environment={getConfig().pointsEnv}
        signOutAction={signOutAction}
        headerStart={alerts && <FiringAlertsBadge initial={alerts} />}
      >
        {children}
      </AppShell>
    </QueryProvider>
  );
}
