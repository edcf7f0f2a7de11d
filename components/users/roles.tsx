"use client";
import { useTranslations } from "next-intl";
import { Badge, type Tone } from "@/components/ui/badge";
import { ROLES, type Role } from "@/lib/auth/roles";

// The same tones as the role badge in the app shell, so a role looks the same everywhere.
const TONE: Record<Role, Tone> = { viewer: "neutral", support: "info", ops: "success", admin: "warning" };

export function RoleBadge({ role }: { role: Role }) {
  const t = useTranslations("Common");
  return <Badge tone={TONE[role]}>{t(`roles.${role}`)}</Badge>;
}

/** The options of a role <Select>, each with what the role adds (each role can do all the ones above it can). */
export function RoleOptions() {
  const roles = useTranslations("Common");
  const t = useTranslations("Users");
  return ROLES.map((role) => (
    <option key={role} value={role}>
      {t("roleOption", { role: roles(`roles.${role}`), summary: t(`roleSummary.${role}`) })}
    </option>
  ));
}

/** A role in words, for the messages that name one. */
export function useRoleName() {
  const t = useTranslations("Common");
  return (role: FormDataEntryValue | undefined) =>
    typeof role === "string" && (ROLES as readonly string[]).includes(role) ? t(`roles.${role as Role}`) : String(role);
}
