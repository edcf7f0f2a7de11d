import type { Metadata } from "next";
import { AddUserDialog } from "@/components/users/add-user-dialog";
import { UsersTable } from "@/components/users/users-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/require-user";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/prisma";
import { listUsers, USER_LIST_CAP } from "@/lib/users/list-users";
import { changeUserRoleAction, createUserAction, resetUserPasswordAction, setUserDisabledAction } from "./actions";

export const metadata: Metadata = { title: "Staff users" };

// The role check runs before anything is read or rendered, so a refusal is a real 403.
export default async function UsersPage() {
  const admin = await requireUser("admin");
  const users = await listUsers(getDb());
  return (
    <>
      <PageHeader
        title="Staff users"
        description="Who can sign in to points-ops and with which role. A change takes effect on the person's next page load."
        actions={<AddUserDialog create={createUserAction} githubConfigured={Boolean(getConfig().github)} />}
      />
      {users.length >= USER_LIST_CAP && (
        <p className="mb-3 text-sm text-muted-foreground">Showing the newest {USER_LIST_CAP} users.</p>
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
