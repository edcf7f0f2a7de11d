"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import type { ActionResult } from "@/lib/result/action-result";
import { signIn } from "@/lib/auth/next-auth";
import { publicAction, publicFormAction } from "@/lib/auth/safe-action";
import { safeCallbackPath } from "@/lib/auth/safe-callback";

/** A refusal's `message` names a message of the SignIn.errors catalogue, so the form shows it in the reader's language. */
export type SignInError = "wrong" | "denied" | "throttled" | "failed";

function errorFor(error: AuthError): SignInError {
  if ("code" in error && error.code === "throttled") return "throttled";
  if (error.type === "CredentialsSignin") return "wrong";
  if (error.type === "AccessDenied") return "denied";
  return "failed";
}

// Only this app's own paths, resolved as a browser would (safe-callback.ts), so sign-in is no open redirect.
const callbackUrl = z.unknown().transform(safeCallbackPath);
const wrong = { error: "wrong" satisfies SignInError };
const passwordForm = z.object({
  email: z.string(wrong).max(320, wrong),
  password: z.string(wrong).max(1_000, wrong),
  callbackUrl,
});

export const signInWithPassword = publicFormAction(
  { name: "signInWithPassword", input: passwordForm, genericMessage: "failed" satisfies SignInError },
  async (input): Promise<ActionResult> => {
    try {
      await signIn("credentials", { email: input.email, password: input.password, redirectTo: input.callbackUrl });
      return { ok: true };
    } catch (error) {
      if (error instanceof AuthError) return { ok: false, message: errorFor(error) };
      throw error; // the redirect after success is thrown too
    }
  },
);

// Posted by a plain form on the sign-in page: its fields arrive as FormData.
const githubForm = z.preprocess((v) => (v instanceof FormData ? Object.fromEntries(v) : v), z.object({ callbackUrl }));

export const signInWithGitHub = publicAction(
  { name: "signInWithGitHub", input: githubForm, genericMessage: "failed" satisfies SignInError },
  async (input): Promise<ActionResult> => {
    await signIn("github", { redirectTo: input.callbackUrl });
    return { ok: true };
  },
);
