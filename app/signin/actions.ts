"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/next-auth";
import { safeCallbackPath } from "@/lib/auth/safe-callback";

/** `error` names a message of the SignIn.errors catalogue, so the form shows it in the reader's language. */
export type SignInError = "wrong" | "denied" | "throttled" | "failed";
export interface SignInState {
  error?: SignInError;
}

function errorFor(error: AuthError): SignInError {
  if ("code" in error && error.code === "throttled") return "throttled";
  if (error.type === "CredentialsSignin") return "wrong";
  if (error.type === "AccessDenied") return "denied";
  return "failed";
}

export async function signInWithPassword(_prev: SignInState, form: FormData): Promise<SignInState> {
  try {
    await signIn("credentials", {
      email: form.get("email"),
      password: form.get("password"),
      redirectTo: safeCallbackPath(form.get("callbackUrl")),
    });
    return {};
  } catch (error) {
    if (error instanceof AuthError) return { error: errorFor(error) };
    throw error; // the redirect after success is thrown too
  }
}

export async function signInWithGitHub(form: FormData): Promise<void> {
  await signIn("github", { redirectTo: safeCallbackPath(form.get("callbackUrl")) });
}
