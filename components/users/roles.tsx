import { Badge, type Tone } from "@/components/ui/badge";
import { ROLES, type Role } from "@/lib/auth/roles";

// The same tones as the role badge in the app shell, so a role looks the same everywhere.
const TONE: Record<Role, Tone> = { viewer: "neutral", support: "info", ops: "success", admin: "warning" };

// Each role can do everything the ones above it can.
const SUMMARY: Record<Role, string> = {
  viewer: "reads",
  support: "also searches, updates shipping",
  ops: "also webhooks, reconciliation, replays",
  admin: "also refunds, cancels, approvals, settings, users",
};

export function RoleBadge({ role }: { role: Role }) {
  return <Badge tone={TONE[role]}>{role}</Badge>;
}

/** The options of a role <Select>, each with what the role adds. */
export function RoleOptions() {
  return ROLES.map((role) => (
    <option key={role} value={role}>
      {role} — {SUMMARY[role]}
    </option>
  ));
}
