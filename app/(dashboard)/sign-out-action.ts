"use server";
// Public on purpose: ending a session must work even when it no longer passes
// the role check (a disabled user, an expired session); signOut then only
// clears the cookie. Sign-out is audited by next-auth's signOut event.
import { z } from "zod";
import { signOut } from "@/lib/auth/next-auth";
import { publicAction } from "@/lib/auth/safe-action";

// The form posts its (empty) FormData; nothing in it is read.
export const signOutAction = publicAction({ name: "signOutAction", input: z.unknown() }, async () => {
  await signOut({ redirectTo: "/signin" });
  return { ok: true };
});
