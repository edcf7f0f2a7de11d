"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/next-auth";
import { safeCallbackPath } from "@/lib/auth/safe-callback";

export interface SignInState {
  error?: string;
}

function messageFor(error: AuthError): string {
  if ("code" in error && error.code === "throttled")
    return "Too many failed attempts. Wait a moment before trying again.";
  if (error.type === "CredentialsSignin") return "Wrong email or password.";
  if (error.type === "AccessDenied") return "This account has no access to points-ops. Ask an admin to add you.";
  return "Sign-in failed. Try again.";
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
    if (error instanceof AuthError) return { error: messageFor(error) };
    throw error; // the redirect after success is thrown too
  }
}

export async function signInWithGitHub(form: FormData): Promise<void> {
  await signIn("github", { redirectTo: safeCallbackPath(form.get("callbackUrl")) });
}
