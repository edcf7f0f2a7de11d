"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/next-auth";

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

function safeCallback(value: FormDataEntryValue | null): string {
  // Only same-site paths, so the sign-in page cannot be used as an open redirect.
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

export async function signInWithPassword(_prev: SignInState, form: FormData): Promise<SignInState> {
  try {
    await signIn("credentials", {
      email: form.get("email"),
      password: form.get("password"),
      redirectTo: safeCallback(form.get("callbackUrl")),
    });
    return {};
  } catch (error) {
    if (error instanceof AuthError) return { error: errorFor(error) };
    throw error; // the redirect after success is thrown too
  }
}

export async function signInWithGitHub(form: FormData): Promise<void> {
  await signIn("github", { redirectTo: safeCallback(form.get("callbackUrl")) });
}
