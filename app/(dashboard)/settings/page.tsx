import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db/prisma";
import { countUsers } from "@/lib/users/list-users";

export const metadata: Metadata = { title: "Settings" };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export default async function SettingsPage() {
  await requireUser("admin");
  const users = await countUsers(getDb());
  return (
    <>
      <PageHeader title="Settings" />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>
              <Link href="/settings/alerts" className="text-accent underline-offset-2 hover:underline">
                Alert thresholds
              </Link>
            </CardTitle>
            <CardDescription>
              When each alert rule fires (counts and windows) and how often alerts are posted to ALERT_WEBHOOK_URL.
            </CardDescription>
          </CardHeader>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>
              <Link href="/settings/users" className="text-accent underline-offset-2 hover:underline">
                Staff users
              </Link>
            </CardTitle>
            <CardDescription>Add staff, change their roles, reset passwords, and disable access.</CardDescription>
          </CardHeader>
          <CardContent className="text-sm text-foreground">
            {plural(users.total, "user")}
            {users.disabled > 0 && <span className="text-muted-foreground"> · {users.disabled} disabled</span>}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>
              <Link href="/settings/integration" className="text-accent underline-offset-2 hover:underline">
                Integration
              </Link>
            </CardTitle>
            <CardDescription>
              Points webhook endpoints and their stored secrets, and the integration on/off switch for incidents.
            </CardDescription>
          </CardHeader>
        </Card>
      </div>
    </>
  );
}
