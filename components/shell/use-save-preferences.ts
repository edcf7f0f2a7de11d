"use client";
// Saves a preference on the user's row, then re-renders the server tree in it
// (html lang/dir/theme, every translated string and formatted date).
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { savePreferencesAction } from "@/app/preference-actions";
import { useToast } from "@/components/ui/toast";
import { useAnswerTransition } from "@/components/ui/use-answer-transition";
import type { PreferencesPatch } from "@/lib/i18n/preferences-patch";

export function useSavePreferences() {
  const router = useRouter();
  const { toast } = useToast();
  const t = useTranslations("Shell");
  const [pending, runForAnswer] = useAnswerTransition();

  function save(patch: PreferencesPatch) {
    // The theme shows at once; the saved value keeps it on the next page load.
    if (patch.theme) document.documentElement.dataset.theme = patch.theme;
    runForAnswer(
      () => savePreferencesAction(patch),
      (result) => {
        if (!result.ok) toast({ title: t("saveFailed"), tone: "danger" });
        router.refresh();
      },
    );
  }
  return { save, pending };
}
