import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/require-user";
import { getConfig } from "@/lib/config/env";
import { GitHubSignIn, SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  AccessDenied: "This account has no access to points-ops. Ask an admin to add you.",
  CredentialsSignin: "Wrong email or password.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = params.callbackUrl ?? "/orders";
  // The database decides, not the cookie: a disabled user with a live session must reach this form.
  if (await currentUser()) redirect("/orders");
  const config = getConfig();

  return (
    <main className="flex min-h-screen items-center justify-center bg-background p-6">
      <div className="w-full max-w-sm rounded-lg border bg-surface p-8 shadow-sm">
        <h1 className="text-xl font-semibold">Sign in to points-ops</h1>
        <p className="mt-1 text-sm text-muted-foreground">Staff access to your Points orders and operations.</p>
        <SignInForm
          callbackUrl={callbackUrl}
          initialError={params.error ? (ERRORS[params.error] ?? "Sign-in failed. Try again.") : undefined}
        />
        {config.github && <GitHubSignIn callbackUrl={callbackUrl} />}
        {config.demoUsersAllowed && (
          <p className="mt-6 text-xs text-muted-foreground">
            Sandbox: demo sign-ins are <code>admin@example.com</code>, <code>ops@</code>, <code>support@</code>,{" "}
            <code>viewer@</code> with password <code>points-demo</code>.
          </p>
        )}
      </div>
    </main>
  );
}
