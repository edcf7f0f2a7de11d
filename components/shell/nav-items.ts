import { hasRole, type Role } from "@/lib/auth/roles";
import type { Messages } from "@/lib/i18n/catalogue";

export type NavKey = keyof Omit<Messages["Nav"], "label">;
export interface NavItem {
  href: string;
  key: NavKey;
  /** Shown beside the label, e.g. refunds waiting for a second admin. */
  count?: number;
}

// The least role that may open each area; pages enforce the same on the server.
export const NAV_ITEMS: Array<NavItem & { role: Role }> = [
  { href: "/", key: "overview", role: "viewer" },
  { href: "/orders", key: "orders", role: "viewer" },
  { href: "/approvals", key: "approvals", role: "ops" },
  { href: "/webhooks", key: "webhooks", role: "ops" },
  { href: "/reconciliation", key: "reconciliation", role: "ops" },
  { href: "/alerts", key: "alerts", role: "ops" },
  { href: "/go-live", key: "goLive", role: "ops" },
  { href: "/settings", key: "settings", role: "admin" },
  { href: "/audit", key: "audit", role: "admin" },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => hasRole(role, item.role)).map(({ href, key }) => ({ href, key }));
}
