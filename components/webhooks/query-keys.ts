// TanStack Query keys for the webhooks area; invalidating `all` refreshes every view of it.
export const webhookKeys = {
  all: ["webhooks"] as const,
  /** One page of the log; `pageParams` is its query string (filters and position). */
  deliveries: (pageParams: string) => ["webhooks", "deliveries", pageParams] as const,
};
