import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Ltr } from "@/components/i18n/ltr";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDisplayFormat } from "@/i18n/display-format";
import { requireUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db/prisma";
import { countUsers } from "@/lib/users/list-users";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Settings"))("metaTitle") };
}

export default async function SettingsPage() {
  await requireUser("admin");
  const [users, t, format] = await Promise.all([countUsers(getDb()), getTranslations("Settings"), getDisplayFormat()]);
  return (
    <>
      <PageHeader title={t("title")} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>
              <Link href="/settings/alerts" className="text-accent underline-offset-2 hover:underline">
                {t("alertsLink")}
              </Link>
            </CardTitle>
            <CardDescription>{t.rich("alertsDescription", { code: (chunks) => <Ltr>{chunks}</Ltr> })}</CardDescription>
          </CardHeader>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>
              <Link href="/settings/users" className="text-accent underline-offset-2 hover:underline">
                {t("usersLink")}
              </Link>
            </CardTitle>
            <CardDescription>{t("usersDescription")}</CardDescription>
          </CardHeader>
          <CardContent className="text-sm text-foreground">
            {t("userCount", { nCount: users.total, n: format.number(users.total) })}
            {users.disabled > 0 && (
              <span className="text-muted-foreground">
                {" "}
                · {t("disabledCount", { n: format.number(users.disabled) })}
              </span>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>
              <Link href="/settings/integration" className="text-accent underline-offset-2 hover:underline">
                {t("integrationLink")}
              </Link>
            </CardTitle>
            <CardDescription>{t("integrationDescription")}</CardDescription>
          </CardHeader>
        </Card>
      </div>
    </>
  );
}
