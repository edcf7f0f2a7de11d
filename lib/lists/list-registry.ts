// The four filtered lists, by name: where each lives, who may see it, and its
// filter (declared once with defineListFilter). The filter bar, saved views
// and exports take a list by name and find the rest here. No Prisma or Node:
// client components read it too.
import { auditFilters } from "@/lib/audit/audit-filters";
import type { Role } from "@/lib/auth/roles";
import { orderFilters } from "@/lib/orders/order-search-params";
import { differenceFilters } from "@/lib/reconcile/difference-filters";
import { deliveryFilters } from "@/lib/webhooks/delivery-filters";
import { listPageHref } from "./list-href";

export const LIST_NAMES = ["orders", "webhooks", "reconciliation", "audit"] as const;
export type ListName = (typeof LIST_NAMES)[number];

export const LISTS = {
  orders: { filters: orderFilters, role: "viewer" },
  webhooks: { filters: deliveryFilters, role: "ops" },
  reconciliation: { filters: differenceFilters, role: "ops" },
  audit: { filters: auditFilters, role: "admin" },
} as const satisfies Record<ListName, { filters: { path: string; keys: readonly string[] }; role: Role }>;

/** The list's page with a filter query (`""` for none). */
export const listHref = (list: ListName, query: string) => listPageHref(LISTS[list].filters.path, query);

/**
 * A filter query as the list itself writes it (fixed order, no blanks or
 * defaults, no page position), or the reason it is not one of the list's.
 */
export function canonicalQuery(
  list: ListName,
  query: string,
): { ok: true; query: string } | { ok: false; error: string } {
  const { filters } = LISTS[list];
  const parsed = filters.parseFilter(new URLSearchParams(query));
  if (!parsed.ok) return parsed;
  return { ok: true, query: filters.toParams(parsed.value as Record<string, unknown>).toString() };
}
