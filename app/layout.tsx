import type { Metadata } from "next";
import { headers } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { DisplayPreferencesProvider } from "@/components/i18n/display-preferences";
import { ToastProvider } from "@/components/ui/toast";
import { pageLang } from "@/lib/http/page-lang";
import { direction } from "@/lib/i18n/locales";
import { requestPreferences } from "@/i18n/request-preferences";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "points-ops", template: "%s · points-ops" },
  description: "Operations dashboard for merchants on Points",
  icons: { icon: "/favicon.svg" },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const prefs = await requestPreferences();
  // The callback page's language comes from its URL; data-theme "system" follows the OS (globals.css).
  const locale = pageLang(await headers()) ?? prefs.locale;
  return (
    <html lang={locale} dir={direction(locale)} data-theme={prefs.theme}>
      <body>
        <NextIntlClientProvider>
          <DisplayPreferencesProvider value={prefs}>
            <ToastProvider>{children}</ToastProvider>
          </DisplayPreferencesProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
