"use client";
import { useTranslations } from "next-intl";
import { DialogField } from "@/components/orders/action-dialog";
import { useDisplayFormat } from "@/components/i18n/display-preferences";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ResultDialog, type ResultAction } from "@/components/ui/result-dialog";
import { RoleOptions, useRoleName } from "./roles";
import { MIN_PASSWORD } from "@/lib/users/user-schemas";
import { saidAs } from "@/components/i18n/said-as";

export function AddUserDialog({ create, githubConfigured }: { create: ResultAction; githubConfigured: boolean }) {
  const t = useTranslations("Users");
  const roleName = useRoleName();
  const min = useDisplayFormat().number(MIN_PASSWORD);
  // Said up front: an OAuth-only user on an installation without GitHub sign-in could never get in.
  const passwordHint = githubConfigured ? t("add.passwordHint", { min }) : t("add.passwordHintNoGithub", { min });
  return (
    <ResultDialog
      trigger={t("add.trigger")}
      triggerVariant="primary"
      title={t("add.title")}
      description={t("add.description")}
      submitLabel={t("add.submit")}
      unreachable={t("unreachable")}
      send={saidAs(create, (fields) =>
        t("add.done", { email: String(fields.email).trim().toLowerCase(), role: roleName(fields.role) }),
      )}
    >
      <DialogField id="new-user-email" label={t("add.email")}>
        <Input id="new-user-email" name="email" type="email" required autoComplete="off" dir="ltr" className="w-full" />
      </DialogField>
      <DialogField id="new-user-name" label={t("add.name")}>
        <Input
          id="new-user-name"
          name="name"
          required
          maxLength={120}
          autoComplete="off"
          dir="auto"
          className="w-full"
        />
      </DialogField>
      <DialogField id="new-user-role" label={t("add.role")}>
        <Select id="new-user-role" name="role" defaultValue="viewer" className="w-full">
          <RoleOptions />
        </Select>
      </DialogField>
      <DialogField id="new-user-password" label={t("add.password")} hint={passwordHint}>
        <Input
          id="new-user-password"
          name="password"
          type="password"
          minLength={MIN_PASSWORD}
          autoComplete="new-password"
          aria-describedby="new-user-password-hint"
          dir="ltr"
          className="w-full"
        />
      </DialogField>
    </ResultDialog>
  );
}
