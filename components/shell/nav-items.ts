import { hasRole, type Role } from "@/lib/auth/roles";

// The least role that may open each area; pages enforce the same on the server.
export const NAV_ITEMS: Array<{ href: string; label: string; role: Role }> = [
  { href: "/orders", label: "Orders", role: "viewer" },
  { href: "/approvals", label: "Approvals", role: "ops" },
  { href: "/webhooks", label: "Webhooks", role: "ops" },
  { href: "/reconciliation", label: "Reconciliation", role: "ops" },
  { href: "/alerts", label: "Alerts", role: "ops" },
  { href: "/go-live", label: "Go-live", role: "ops" },
  { href: "/settings", label: "Settings", role: "admin" },
  { href: "/audit", label: "Audit log", role: "admin" },
];

export function navFor(role: Role) {
  return NAV_ITEMS.filter((item) => hasRole(role, item.role)).map(({ href, label }) => ({ href, label }));
}
