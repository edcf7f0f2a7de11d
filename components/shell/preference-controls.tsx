"use client";
// The header's language switch, theme toggle and display-preferences dialog.
import { Languages, Moon, SlidersHorizontal, Sun } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { useDisplayPreferences } from "@/components/i18n/display-preferences";
import { Dialog, DialogContent, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { cn } from "@/components/ui/cn";
import {
  CALENDARS,
  DIGITS,
  LOCALES,
  THEMES,
  type DisplayPreferences,
  type Locale,
  type ThemePreference,
} from "@/lib/i18n/locales";
import { useSavePreferences } from "./use-save-preferences";

export const iconButton =
  "inline-flex h-8 items-center gap-1.5 rounded-md px-2 text-sm text-muted-foreground hover:bg-surface-muted hover:text-foreground disabled:opacity-60";

export const otherLocale = (locale: Locale): Locale => (locale === "ar" ? "en" : "ar");

export function LanguageSwitch() {
  const locale = useLocale();
  const t = useTranslations();
  const { save, pending } = useSavePreferences();
  const next = otherLocale(locale);
  return (
    <button
      type="button"
      className={iconButton}
      disabled={pending}
      onClick={() => save({ locale: next })}
      data-testid="language-switch"
    >
      <Languages aria-hidden className="size-4" />
      {/* The name read out is the sentence plus the language's own name, so it contains the visible text. */}
      <span className="sr-only">{t("Shell.switchLanguage")} </span>
      <span lang={next} className="hidden sm:inline">
        {t(`Languages.${next}`)}
      </span>
    </button>
  );
}

const darkQuery = "(prefers-color-scheme: dark)";
function subscribeToScheme(onChange: () => void) {
  const media = window.matchMedia(darkQuery);
  media.addEventListener("change", onChange);
  return () => media.removeEventListener("change", onChange);
}

/** The theme in effect: the stored choice, or the OS's when the choice is "system". */
export function useEffectiveTheme(theme: ThemePreference): "light" | "dark" {
  const osDark = useSyncExternalStore(
    subscribeToScheme,
    () => window.matchMedia(darkQuery).matches,
    () => false,
  );
  return theme === "system" ? (osDark ? "dark" : "light") : theme;
}

export function ThemeToggle() {
  const t = useTranslations("Shell");
  const { theme } = useDisplayPreferences();
  const effective = useEffectiveTheme(theme);
  const { save, pending } = useSavePreferences();
  const next = effective === "dark" ? "light" : "dark";
  const Icon = effective === "dark" ? Sun : Moon;
  return (
    <button
      type="button"
      className={iconButton}
      disabled={pending}
      onClick={() => save({ theme: next })}
      aria-label={`${t("theme")}: ${t(`themes.${next}`)}`}
      title={`${t("theme")}: ${t(`themes.${next}`)}`}
      data-testid="theme-toggle"
      data-theme-next={next}
    >
      <Icon aria-hidden className="size-4" />
    </button>
  );
}

function Choice<K extends keyof DisplayPreferences>({
  name,
  legend,
  options,
  label,
  langOf,
}: {
  name: K;
  legend: string;
  options: readonly DisplayPreferences[K][];
  label: (value: DisplayPreferences[K]) => string;
  langOf?: (value: DisplayPreferences[K]) => string;
}) {
  const prefs = useDisplayPreferences();
  const { save, pending } = useSavePreferences();
  return (
    <fieldset className="space-y-1.5" disabled={pending}>
      <legend className="mb-1 text-sm font-medium text-foreground">{legend}</legend>
      <div className="flex flex-wrap gap-2">
        {options.map((value) => (
          <label
            key={value}
            className={cn(
              "inline-flex cursor-pointer items-center gap-2 rounded-md border px-3 py-1.5 text-sm",
              prefs[name] === value ? "border-accent bg-accent-subtle text-accent" : "hover:bg-surface-muted",
            )}
          >
            <input
              type="radio"
              name={name}
              value={value}
              checked={prefs[name] === value}
              onChange={() => save({ [name]: value })}
              className="accent-(--color-accent)"
            />
            <span lang={langOf?.(value)}>{label(value)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function PreferencesDialog() {
  const t = useTranslations();
  return (
    <Dialog>
      <DialogTrigger className={iconButton} aria-label={t("Shell.preferences")} title={t("Shell.preferences")}>
        <SlidersHorizontal aria-hidden className="size-4" />
      </DialogTrigger>
      <DialogContent aria-describedby={undefined} data-testid="preferences-dialog">
        <DialogHeader>
          <DialogTitle>{t("Shell.preferences")}</DialogTitle>
        </DialogHeader>
        <Choice
          name="locale"
          legend={t("Shell.language")}
          options={LOCALES}
          label={(l) => t(`Languages.${l}`)}
          langOf={(l) => l}
        />
        <Choice name="theme" legend={t("Shell.theme")} options={THEMES} label={(v) => t(`Shell.themes.${v}`)} />
        <Choice
          name="calendar"
          legend={t("Shell.calendar")}
          options={CALENDARS}
          label={(v) => t(`Shell.calendars.${v}`)}
        />
        <Choice name="digits" legend={t("Shell.digits")} options={DIGITS} label={(v) => t(`Shell.digitOptions.${v}`)} />
      </DialogContent>
    </Dialog>
  );
}
