"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FieldMessage, Label } from "@/components/ui/label";
import { signInWithGitHub, signInWithPassword, type SignInError } from "./actions";

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: SignInError }) {
  const t = useTranslations("SignIn");
  // A successful sign-in answers with a redirect; a refusal's message is a SignIn.errors key.
  const [state, action, pending] = useActionState(
    signInWithPassword,
    initialError ? { ok: false as const, message: initialError } : null,
  );
  const error = state && !state.ok ? (state.message as SignInError) : undefined;

  return (
    <form action={action} className="mt-6 space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="space-y-1">
        <Label htmlFor="email">{t("email")}</Label>
        <Input id="email" name="email" type="email" dir="ltr" autoComplete="username" required className="w-full" />
      </div>
      <div className="space-y-1">
        <Label htmlFor="password">{t("password")}</Label>
        <Input
          id="password"
          name="password"
          type="password"
          dir="ltr"
          autoComplete="current-password"
          required
          className="w-full"
          aria-describedby={error ? "sign-in-error" : undefined}
        />
      </div>
      {error && (
        <FieldMessage id="sign-in-error" tone="error" data-testid="sign-in-error" aria-live="polite">
          {t(`errors.${error}`)}
        </FieldMessage>
      )}
      <Button type="submit" loading={pending} className="w-full">
        {t("submit")}
      </Button>
    </form>
  );
}

export function GitHubSignIn({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("SignIn");
  return (
    <form
      action={async () => {
        await signInWithGitHub({ callbackUrl });
      }}
      className="mt-4"
    >
      <Button type="submit" variant="secondary" className="w-full">
        {t("github")}
      </Button>
    </form>
  );
}
