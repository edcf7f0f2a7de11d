"use client";
// Before sign-in there is no user row: the pick is kept in a cookie, and the
// first sign-in stores it on the user (see lib/auth/next-auth.ts).
import { Languages } from "lucide-react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { pickSignInLocaleAction } from "@/app/preference-actions";
import { iconButton, otherLocale } from "@/components/shell/preference-controls";
import { useAnswerTransition } from "@/components/ui/use-answer-transition";

export function SignInLanguage() {
  const locale = useLocale();
  const t = useTranslations();
  const router = useRouter();
  const [pending, runForAnswer] = useAnswerTransition();
  const next = otherLocale(locale);
  return (
    <button
      type="button"
      className={iconButton}
      disabled={pending}
      data-testid="language-switch"
      onClick={() =>
        runForAnswer(
          () => pickSignInLocaleAction(next),
          () => router.refresh(),
        )
      }
    >
      <Languages aria-hidden className="size-4" />
      <span lang={next}>{t(`Languages.${next}`)}</span>
    </button>
  );
}
