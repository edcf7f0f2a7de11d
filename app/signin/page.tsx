import type { Metadata } from "next";
import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BrandMark } from "@/components/shell/brand-mark";
import { EnvironmentBanner } from "@/components/shell/environment-banner";
import { currentUser } from "@/lib/auth/require-user";
import { getConfig } from "@/lib/config/env";
import type { SignInError } from "./actions";
import { GitHubSignIn, SignInForm } from "./sign-in-form";
import { SignInLanguage } from "./sign-in-language";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("SignIn"))("metaTitle") };
}

// next-auth's ?error= codes, as the form's messages.
const ERRORS: Record<string, SignInError> = { AccessDenied: "denied", CredentialsSignin: "wrong" };

const demo = (text: ReactNode) => (
  <code dir="ltr" translate="no" data-identifier="">
    {text}
  </code>
);

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = params.callbackUrl ?? "/";
  // The database decides, not the cookie: a disabled user with a live session must reach this form.
  if (await currentUser()) redirect("/");
  const config = getConfig();
  const t = await getTranslations("SignIn");

  return (
    <div className="flex min-h-screen flex-col bg-background">
      <EnvironmentBanner environment={config.pointsEnv} />
      <div className="flex justify-end px-4 pt-3">
        <SignInLanguage />
      </div>
      <main className="flex flex-1 items-center justify-center p-6">
        <div className="w-full max-w-sm rounded-lg border bg-surface p-8 shadow-sm">
          <BrandMark className="mb-4 size-10" />
          <h1 className="text-xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-sm text-muted-foreground">{t("subtitle")}</p>
          <SignInForm
            callbackUrl={callbackUrl}
            initialError={params.error ? (ERRORS[params.error] ?? "failed") : undefined}
          />
          {config.github && <GitHubSignIn callbackUrl={callbackUrl} />}
          {config.demoUsersAllowed && (
            <p className="mt-6 text-xs text-muted-foreground">
              {t.rich("demoNote", { code: (chunks) => demo(chunks) })}
            </p>
          )}
        </div>
      </main>
    </div>
  );
}
