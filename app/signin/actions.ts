"use server";
// Sign-in is public by nature (there is no session yet); next-auth throttles
// and audits the attempts. A successful sign-in answers with a redirect.
import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn } from "@/lib/auth/next-auth";
import { publicAction, publicFormAction } from "@/lib/auth/safe-action";

function messageFor(error: AuthError): string {
  if ("code" in error && error.code === "throttled")
    return "Too many failed attempts. Wait a moment before trying again.";
  if (error.type === "CredentialsSignin") return "Wrong email or password.";
  if (error.type === "AccessDenied") return "This account has no access to points-ops. Ask an admin to add you.";
  return "Sign-in failed. Try again.";
}

// Only same-site paths, so the sign-in page cannot be used as an open redirect.
const callbackUrl = z
  .unknown()
  .transform((v) => (typeof v === "string" && v.startsWith("/") && !v.startsWith("//") ? v : "/orders"));

const wrong = { error: "Wrong email or password." };
const passwordForm = z.object({
  email: z.string(wrong).max(320, wrong),
  password: z.string(wrong).max(1_000, wrong),
  callbackUrl,
});

export const signInWithPassword = publicFormAction(
  { name: "signInWithPassword", input: passwordForm, genericMessage: "Sign-in failed. Try again." },
  async (input) => {
    try {
      await signIn("credentials", {
        email: input.email,
        password: input.password,
        redirectTo: input.callbackUrl,
      });
      return { ok: true };
    } catch (error) {
      if (error instanceof AuthError) return { ok: false, message: messageFor(error) };
      throw error; // the redirect after success is thrown too
    }
  },
);

export const signInWithGitHub = publicAction(
  { name: "signInWithGitHub", input: z.object({ callbackUrl }) },
  async (input) => {
    await signIn("github", { redirectTo: input.callbackUrl });
    return { ok: true };
  },
);
