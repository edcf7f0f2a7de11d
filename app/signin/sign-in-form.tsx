"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FieldMessage, Label } from "@/components/ui/label";
import { signInWithGitHub, signInWithPassword } from "./actions";

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  // A successful sign-in answers with a redirect; a refusal is the state.
  const [state, action, pending] = useActionState(
    signInWithPassword,
    initialError ? { ok: false, message: initialError } : null,
  );
  const error = state && !state.ok ? state.message : undefined;

  return (
    <form action={action} className="mt-6 space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="space-y-1">
        <Label htmlFor="email">Email</Label>
        <Input id="email" name="email" type="email" autoComplete="username" required className="w-full" />
      </div>
      <div className="space-y-1">
        <Label htmlFor="password">Password</Label>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="w-full"
          aria-describedby={error ? "sign-in-error" : undefined}
        />
      </div>
      {error && (
        <FieldMessage id="sign-in-error" tone="error" data-testid="sign-in-error" aria-live="polite">
          {error}
        </FieldMessage>
      )}
      <Button type="submit" loading={pending} className="w-full">
        Sign in
      </Button>
    </form>
  );
}

export function GitHubSignIn({ callbackUrl }: { callbackUrl: string }) {
  return (
    <form
      action={async () => {
        await signInWithGitHub({ callbackUrl });
      }}
      className="mt-4"
    >
      <Button type="submit" variant="secondary" className="w-full">
        Continue with GitHub
      </Button>
    </form>
  );
}
