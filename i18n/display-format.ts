// Server components' formatters, bound to the signed-in user's preferences.
import { getTranslations } from "next-intl/server";
import { displayFormat } from "@/lib/i18n/format";
import { requestPreferences } from "./request-preferences";

export async function getDisplayFormat() {
  const [prefs, t] = await Promise.all([requestPreferences(), getTranslations("Common")]);
  return displayFormat(prefs, t("riyadhTime"));
}
