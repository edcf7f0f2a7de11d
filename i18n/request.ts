// next-intl's per-request configuration (found through the plugin in next.config.ts).
import { getRequestConfig } from "next-intl/server";
import { TIME_ZONE } from "@/lib/i18n/format";
import { catalogue } from "@/lib/i18n/catalogue";
import { requestPreferences } from "./request-preferences";

export default getRequestConfig(async () => {
  const { locale } = await requestPreferences();
  return { locale, messages: catalogue(locale), timeZone: TIME_ZONE };
});
