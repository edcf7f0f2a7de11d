// Roles are ordered: each one can do everything the ones before it can.
export const ROLES = ["viewer", "support", "ops", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function hasRole(actual: Role, required: Role): boolean {
  return ROLES.indexOf(actual) >= ROLES.indexOf(required);
}
