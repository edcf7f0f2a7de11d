import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { DisplayPreferencesProvider } from "@/components/i18n/display-preferences";
import { ToastProvider } from "@/components/ui/toast";
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
  // data-theme "system" follows the OS (globals.css); light/dark are the user's stored choice.
  return (
    <html lang={prefs.locale} dir={direction(prefs.locale)} data-theme={prefs.theme}>
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
