"use client";
// The changes an admin can make to one user. The server decides what is
// allowed (an admin cannot lock themselves or everyone out); the buttons are
// offered on every row so that the refusal can say why.
import { DialogField } from "@/components/orders/action-dialog";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { UserRow } from "@/lib/users/list-users";
import { RoleOptions } from "./roles";
import { ResultDialog, type ResultAction } from "@/components/ui/result-dialog";

export type UserRowActionsProps = {
  user: Pick<UserRow, "id" | "email" | "role" | "disabled" | "hasPassword">;
  changeRole: ResultAction;
  setDisabled: ResultAction;
  resetPassword: ResultAction;
};

// Each row's buttons read the same; the hidden email gives each one its own accessible name.
const forUser = (label: string, email: string) => (
  <>
    {label}
    <span className="sr-only"> {email}</span>
  </>
);

export function UserRowActions({ user, changeRole, setDisabled, resetPassword }: UserRowActionsProps) {
  const roleId = `role-${user.id}`;
  const passwordId = `password-${user.id}`;
  return (
    <div className="flex flex-wrap justify-end gap-1.5">
      <ResultDialog
        trigger={forUser("Change role…", user.email)}
        title={`Change the role of ${user.email}`}
        description="Takes effect on their next page load; the navigation then shows what the new role can use."
        submitLabel="Change role"
        send={(fields) => changeRole({ userId: user.id, role: fields.role })}
      >
        <DialogField id={roleId} label="Role">
          <Select id={roleId} name="role" defaultValue={user.role} className="w-full">
            <RoleOptions />
          </Select>
        </DialogField>
      </ResultDialog>

      <ResultDialog
        trigger={forUser(user.hasPassword ? "Reset password…" : "Set password…", user.email)}
        title={`Set a new password for ${user.email}`}
        description="The old password stops working at once; sessions already open stay signed in (disable the user to end them). Share the new password privately."
        submitLabel="Set password"
        send={(fields) => resetPassword({ userId: user.id, password: fields.password })}
      >
        <DialogField id={passwordId} label="New password" hint="At least 12 characters.">
          <Input
            id={passwordId}
            name="password"
            type="password"
            required
            minLength={12}
            autoComplete="new-password"
            aria-describedby={`${passwordId}-hint`}
            className="w-full"
          />
        </DialogField>
      </ResultDialog>

      {user.disabled ? (
        <ResultDialog
          trigger={forUser("Enable…", user.email)}
          title={`Enable ${user.email}`}
          description="They can sign in again with their password or GitHub, with the role shown in the table."
          submitLabel="Enable"
          send={() => setDisabled({ userId: user.id, disabled: false })}
        />
      ) : (
        <ResultDialog
          trigger={forUser("Disable…", user.email)}
          title={`Disable ${user.email}`}
          description="They can no longer sign in, and any session they have open stops working on its next request. Their audit history is kept."
          submitLabel="Disable"
          submitVariant="danger"
          send={() => setDisabled({ userId: user.id, disabled: true })}
        />
      )}
    </div>
  );
}
