import type { ReactNode } from "react";
import { FiringAlertsBadge } from "@/components/alerts/firing-alerts-badge";
import { QueryProvider } from "@/components/providers/query-provider";
import { AppShell } from "@/components/shell/app-shell";
import { navFor } from "@/components/shell/nav-items";
import { firingSummary } from "@/lib/alerts/list-alerts";
import { requireUser } from "@/lib/auth/require-user";
import { hasRole } from "@/lib/auth/roles";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/prisma";
import { signOutAction } from "./sign-out-action";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireUser("viewer");
  const alerts = hasRole(user.role, "ops") ? await firingSummary(getDb()) : null;
  // The provider wraps the shell too: the header badge polls through TanStack Query.
  return (
    <QueryProvider>
      <AppShell
        user={user}
        nav={navFor(user.role)}
        environment={getConfig().pointsEnv}
        signOutAction={signOutAction}
        headerStart={alerts && <FiringAlertsBadge initial={alerts} />}
      >
        {children}
      </AppShell>
    </QueryProvider>
  );
}
