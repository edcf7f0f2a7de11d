import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { ToastProvider } from "@/components/ui/toast";
import { pageLang } from "@/lib/http/page-lang";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "points-ops", template: "%s · points-ops" },
  description: "Operations dashboard for merchants on Points",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { lang, dir } = pageLang(await headers());
  return (
    <html lang={lang} dir={dir}>
      <body>
        <ToastProvider>{children}</ToastProvider>
      </body>
    </html>
  );
}
