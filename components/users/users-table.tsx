import { getTranslations } from "next-intl/server";
import { Ltr } from "@/components/i18n/ltr";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { getDisplayFormat } from "@/i18n/display-format";
import type { UserRow } from "@/lib/users/list-users";
import { RoleBadge } from "./roles";
import { UserRowActions, type UserRowActionsProps } from "./user-row-actions";

type Actions = Omit<UserRowActionsProps, "user">;

export async function UsersTable({
  users,
  currentUserId,
  actions,
}: {
  users: UserRow[];
  currentUserId: string;
  actions: Actions;
}) {
  const [t, format] = await Promise.all([getTranslations("Users"), getDisplayFormat()]);
  return (
    <Table label={t("tableLabel")}>
      <THead>
        <tr>
          <Th>{t("columns.name")}</Th>
          <Th>{t("columns.email")}</Th>
          <Th>{t("columns.role")}</Th>
          <Th>{t("columns.signIn")}</Th>
          <Th>{t("columns.status")}</Th>
          <Th>{t("columns.created")}</Th>
          <Th>
            <span className="sr-only">{t("columns.actions")}</span>
          </Th>
        </tr>
      </THead>
      <TBody>
        {users.map((user) => (
          <tr key={user.id} data-testid="user-row">
            <Td userText>
              <bdi>{user.name}</bdi>
              {user.id === currentUserId && <span className="ms-1 text-xs text-muted-foreground">{t("you")}</span>}
            </Td>
            <Td mono>
              <Ltr>{user.email}</Ltr>
            </Td>
            <Td>
              <RoleBadge role={user.role} />
            </Td>
            <Td className="whitespace-nowrap">{user.hasPassword ? t("signInPassword") : t("oauthOnly")}</Td>
            <Td>
              {user.disabled ? (
                <Badge tone="danger">{t("disabled")}</Badge>
              ) : (
                <Badge tone="success">{t("active")}</Badge>
              )}
            </Td>
            <Td className="whitespace-nowrap">
              <time dateTime={user.createdAt.toISOString()}>{format.dateTime(user.createdAt)}</time>
            </Td>
            <Td>
              <UserRowActions user={user} {...actions} />
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
