"use client";
// The signed-in user's display preferences in the browser, and formatters bound to them.
import { useTranslations } from "next-intl";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { displayFormat } from "@/lib/i18n/format";
import { DEFAULT_PREFERENCES, type DisplayPreferences } from "@/lib/i18n/locales";

const PreferencesContext = createContext<DisplayPreferences>(DEFAULT_PREFERENCES);

export function DisplayPreferencesProvider({ value, children }: { value: DisplayPreferences; children: ReactNode }) {
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export const useDisplayPreferences = () => useContext(PreferencesContext);

export function useDisplayFormat() {
  const prefs = useDisplayPreferences();
  const zone = useTranslations("Common")("riyadhTime");
  return useMemo(() => displayFormat(prefs, zone), [prefs, zone]);
}
