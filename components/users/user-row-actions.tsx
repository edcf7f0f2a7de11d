"use client";
// The changes an admin can make to one user. The server decides what is
// allowed (an admin cannot lock themselves or everyone out); the buttons are
// offered on every row so that the refusal can say why.
import { useTranslations } from "next-intl";
import { DialogField } from "@/components/orders/action-dialog";
import { useDisplayFormat } from "@/components/i18n/display-preferences";
import { Ltr } from "@/components/i18n/ltr";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { UserRow } from "@/lib/users/list-users";
import { MIN_PASSWORD } from "@/lib/users/user-schemas";
import { RoleOptions, useRoleName } from "./roles";
import { saidAs } from "@/components/i18n/said-as";
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
    <span className="sr-only">
      {" "}
      <Ltr>{email}</Ltr>
    </span>
  </>
);

export function UserRowActions({ user, changeRole, setDisabled, resetPassword }: UserRowActionsProps) {
  const t = useTranslations("Users");
  const roleName = useRoleName();
  const min = useDisplayFormat().number(MIN_PASSWORD);
  const roleId = `role-${user.id}`;
  const passwordId = `password-${user.id}`;
  const email = user.email;
  return (
    <div className="flex flex-wrap justify-end gap-1.5">
      <ResultDialog
        trigger={forUser(t("changeRole.trigger"), email)}
        title={t("changeRole.title", { email })}
        description={t("changeRole.description")}
        submitLabel={t("changeRole.submit")}
        unreachable={t("unreachable")}
        send={saidAs(
          changeRole,
          (fields) => t("changeRole.done", { email, role: roleName(fields.role) }),
          (fields) => ({ userId: user.id, role: fields.role }),
        )}
      >
        <DialogField id={roleId} label={t("changeRole.role")}>
          <Select id={roleId} name="role" defaultValue={user.role} className="w-full">
            <RoleOptions />
          </Select>
        </DialogField>
      </ResultDialog>

      <ResultDialog
        trigger={forUser(user.hasPassword ? t("password.reset") : t("password.set"), email)}
        title={t("password.title", { email })}
        description={t("password.description")}
        submitLabel={t("password.submit")}
        unreachable={t("unreachable")}
        send={saidAs(
          resetPassword,
          () => t("password.done", { email }),
          (fields) => ({ userId: user.id, password: fields.password }),
        )}
      >
        <DialogField id={passwordId} label={t("password.label")} hint={t("password.hint", { min })}>
          <Input
            id={passwordId}
            name="password"
            type="password"
            required
            minLength={MIN_PASSWORD}
            autoComplete="new-password"
            aria-describedby={`${passwordId}-hint`}
            dir="ltr"
            className="w-full"
          />
        </DialogField>
      </ResultDialog>

      {user.disabled ? (
        <ResultDialog
          trigger={forUser(t("enable.trigger"), email)}
          title={t("enable.title", { email })}
          description={t("enable.description")}
          submitLabel={t("enable.submit")}
          unreachable={t("unreachable")}
          send={saidAs(
            setDisabled,
            () => t("enable.done", { email }),
            () => ({ userId: user.id, disabled: false }),
          )}
        />
      ) : (
        <ResultDialog
          trigger={forUser(t("disable.trigger"), email)}
          title={t("disable.title", { email })}
          description={t("disable.description")}
          submitLabel={t("disable.submit")}
          submitVariant="danger"
          unreachable={t("unreachable")}
          send={saidAs(
            setDisabled,
            () => t("disable.done", { email }),
            () => ({ userId: user.id, disabled: true }),
          )}
        />
      )}
    </div>
  );
}
