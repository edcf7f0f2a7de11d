import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import type { UserRow } from "@/lib/users/list-users";
import { RoleBadge } from "./roles";
import { UserRowActions, type UserRowActionsProps } from "./user-row-actions";

type Actions = Omit<UserRowActionsProps, "user">;

export function UsersTable({
  users,
  currentUserId,
  actions,
}: {
  users: UserRow[];
  currentUserId: string;
  actions: Actions;
}) {
  return (
    <Table label="Staff users, newest first">
      <THead>
        <Tr>
          <Th>Name</Th>
          <Th>Email</Th>
          <Th>Role</Th>
          <Th>Sign-in</Th>
          <Th>Status</Th>
          <Th>Created (Riyadh)</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </Tr>
      </THead>
      <TBody>
        {users.map((user) => (
          <Tr key={user.id} data-testid="user-row">
            <Td userText>
              {user.name}
              {user.id === currentUserId && <span className="ml-1 text-xs text-muted-foreground">(you)</span>}
            </Td>
            <Td mono>{user.email}</Td>
            <Td>
              <RoleBadge role={user.role} />
            </Td>
            <Td className="whitespace-nowrap">{user.hasPassword ? "Password" : "OAuth only"}</Td>
            <Td>{user.disabled ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Active</Badge>}</Td>
            <Td className="whitespace-nowrap">
              <time dateTime={user.createdAt.toISOString()}>{formatDateTime(user.createdAt)}</time>
            </Td>
            <Td>
              <UserRowActions user={user} {...actions} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
