// TanStack Query keys for alerts; invalidating `all` refreshes the header badge too.
export const alertKeys = {
  all: ["alerts"] as const,
  firing: ["alerts", "firing"] as const,
};
