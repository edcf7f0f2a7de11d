// The one server-side gate. Every page, route handler and server action calls
// one of these first; each re-reads the user so that a role change or a
// disabled account takes effect on the next request, and refuses a token whose
// session version the user has moved past (sign-out ends the session for real).
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db/prisma";
import { auth } from "./next-auth";
import { hasRole, type Role } from "./roles";

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

// Once per server render: the layout, the page and its toolbar all ask (React's cache is
// per request, and a no-op in route handlers, which ask once).
export const currentUser = cache(async (): Promise<StaffUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await getDb().user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, disabled: true, sessionVersion: true },
  });
  // A token issued before sign-out, a role change or disabling carries an older version.
  if (!user || user.disabled || user.sessionVersion !== (session?.sessionVersion ?? 0)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

/** For pages: sends strangers to sign-in and shows the 403 page to under-privileged staff. */
export async function requireUser(role: Role = "viewer"): Promise<StaffUser> {
  const user = await currentUser();
  if (!user) redirect("/signin");
  if (!hasRole(user.role, role)) forbidden();
  return user;
}

export class AccessDenied extends Error {
  constructor(readonly status: 401 | 403) {
    super(status === 401 ? "Sign in first." : "Your role does not allow this.");
  }
}

/** For route handlers and server actions: throws AccessDenied (fails closed). */
export async function requireRole(role: Role): Promise<StaffUser> {
  const user = await currentUser();
  if (!user) throw new AccessDenied(401);
  if (!hasRole(user.role, role)) throw new AccessDenied(403);
  return user;
}
