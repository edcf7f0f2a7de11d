import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AddUserDialog } from "@/components/users/add-user-dialog";
import { UsersTable } from "@/components/users/users-table";
import { PageHeader } from "@/components/ui/page-header";
import { getDisplayFormat } from "@/i18n/display-format";
import { requireUser } from "@/lib/auth/require-user";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/prisma";
import { listUsers, USER_LIST_CAP } from "@/lib/users/list-users";
import { changeUserRoleAction, createUserAction, resetUserPasswordAction, setUserDisabledAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Users"))("metaTitle") };
}

// The role check runs before anything is read or rendered, so a refusal is a real 403.
export default async function UsersPage() {
  const admin = await requireUser("admin");
  const [users, t, format] = await Promise.all([listUsers(getDb()), getTranslations("Users"), getDisplayFormat()]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={<AddUserDialog create={createUserAction} githubConfigured={Boolean(getConfig().github)} />}
      />
      {users.length >= USER_LIST_CAP && (
        <p className="mb-3 text-sm text-muted-foreground">{t("capped", { n: format.number(USER_LIST_CAP) })}</p>
      )}
      <UsersTable
        users={users}
        currentUserId={admin.id}
        actions={{
          changeRole: changeUserRoleAction,
          setDisabled: setUserDisabledAction,
          resetPassword: resetUserPasswordAction,
        }}
      />
    </>
  );
}
