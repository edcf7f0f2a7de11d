"use client";

import { LogOut, Menu, Search } from "lucide-react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useState, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import * as DialogPrimitive from "@radix-ui/react-dialog";
import { Badge, type Tone } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { Role } from "@/lib/auth/roles";
import { BrandMark } from "./brand-mark";
import { EnvironmentBanner } from "./environment-banner";
import { NAV_ICONS } from "./nav-icons";
import type { NavItem } from "./nav-items";
import { iconButton, LanguageSwitch, PreferencesDialog, ThemeToggle } from "./preference-controls";
import { useShortcuts } from "./shortcuts";

// The palette (and cmdk with it) is fetched when a person reaches for it, not with every page: its code
// was part of each page's start-up work, in front of the first search (measured by bench:pages).
const loadPalette = () => import("./command-palette");
const CommandPalette = dynamic(() => loadPalette().then((m) => m.CommandPalette), { ssr: false });
const preloadPalette = () => void loadPalette();

export type AppShellProps = {
  user: { name: string; email: string; role: Role };
  /** Already filtered for the user's role by the server; the shell renders exactly these. */
  nav: NavItem[];
  environment: "sandbox" | "production";
  signOutAction: () => Promise<unknown>;
  /** Shown first in the header, e.g. the firing alerts badge for ops. */
  headerStart?: ReactNode;
  children: ReactNode;
};

const roleTone: Record<Role, Tone> = {
  viewer: "neutral",
  support: "info",
  ops: "success",
  admin: "warning",
};

function isActive(pathname: string, href: string) {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

function SignOutButton() {
  const { pending } = useFormStatus();
  const t = useTranslations("Shell");
  return (
    <button type="submit" className={iconButton} disabled={pending} aria-label={t("signOut")} title={t("signOut")}>
      <LogOut aria-hidden className="size-4 rtl:-scale-x-100" />
      <span className="hidden lg:inline">{t("signOut")}</span>
    </button>
  );
}

// The sidebar's pages are all dynamic: prefetched as they come into view, every
// full page load sent one server render per page in the sidebar, which queued in
// front of the search or click the person made next (measured by bench:pages).
// They are prefetched when a person reaches for one instead: hover, focus, touch.
function NavLinks({ nav, onNavigate }: { nav: NavItem[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  const router = useRouter();
  const t = useTranslations("Nav");
  const tShell = useTranslations("Shell");
  return (
    <nav aria-label={t("label")} className="flex-1 overflow-y-auto px-2 pb-4">
      <ul className="flex flex-col gap-0.5">
        {nav.map((item) => {
          const active = isActive(pathname, item.href);
          const Icon = NAV_ICONS[item.key];
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                prefetch={false}
                onMouseEnter={() => router.prefetch(item.href)}
                onFocus={() => router.prefetch(item.href)}
                onTouchStart={() => router.prefetch(item.href)}
                onClick={onNavigate}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex h-9 items-center gap-2.5 whitespace-nowrap rounded-md px-3 text-sm transition-colors",
                  active
                    ? "bg-accent-subtle font-medium text-accent"
                    : "text-muted-foreground hover:bg-surface-muted hover:text-foreground",
                )}
              >
                <Icon aria-hidden className="size-4 shrink-0" />
                {t(item.key)}
                {item.count ? (
                  <span
                    className="ms-auto rounded-full bg-accent px-1.5 text-xs font-medium tabular-nums text-accent-foreground"
                    data-testid={`nav-count-${item.href.slice(1)}`}
                  >
                    {item.count}
                    <span className="sr-only"> {tShell("navWaiting")}</span>
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function Brand() {
  const t = useTranslations("Common");
  return (
    <Link
      href="/"
      prefetch={false}
      className="flex h-14 shrink-0 items-center gap-2 px-4 text-sm font-semibold tracking-tight"
    >
      <BrandMark className="size-7" />
      {t("brand")}
    </Link>
  );
}

function MobileNav({ nav }: { nav: NavItem[] }) {
  const [open, setOpen] = useState(false);
  const t = useTranslations("Shell");
  return (
    <DialogPrimitive.Root open={open} onOpenChange={setOpen}>
      <DialogPrimitive.Trigger
        className={cn(iconButton, "md:hidden")}
        aria-label={t("openMenu")}
        data-testid="menu-button"
      >
        <Menu aria-hidden className="size-5" />
      </DialogPrimitive.Trigger>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-zinc-950/40 md:hidden" />
        <DialogPrimitive.Content
          aria-describedby={undefined}
          className="fixed inset-y-0 start-0 z-50 flex w-72 max-w-[85vw] flex-col border-e bg-surface shadow-xl focus:outline-none md:hidden"
        >
          <DialogPrimitive.Title className="sr-only">{t("openMenu")}</DialogPrimitive.Title>
          <Brand />
          <NavLinks nav={nav} onNavigate={() => setOpen(false)} />
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}

export function AppShell({ user, nav, environment, signOutAction, headerStart, children }: AppShellProps) {
  const t = useTranslations();
  const [paletteOpen, setPaletteOpen] = useState(false);
  // Mounted from its first opening on, so that it closes as it opens.
  const [paletteUsed, setPaletteUsed] = useState(false);
  const openPalette = useCallback(() => {
    setPaletteUsed(true);
    setPaletteOpen(true);
  }, []);
  const shortcuts = useShortcuts({ openPalette });

  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:start-3 focus:top-3 focus:z-[200] focus:rounded-md focus:bg-surface focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:shadow-lg"
      >
        {t("Shell.skipToContent")}
      </a>
      <EnvironmentBanner environment={environment} />
      <div className="flex min-h-0 flex-1">
        {/* The aside stretches with the page, so its background never stops; its contents stay in view. */}
        <aside className="hidden w-60 shrink-0 border-e bg-surface md:block" data-testid="sidebar">
          <div className="sticky top-0 flex h-screen flex-col">
            <Brand />
            <NavLinks nav={nav} />
          </div>
        </aside>

        <div className="flex min-w-0 flex-1 flex-col">
          <header className="sticky top-0 z-40 flex h-14 shrink-0 items-center gap-1 border-b bg-surface/95 px-3 backdrop-blur md:px-4">
            <MobileNav nav={nav} />
            <button
              type="button"
              onClick={openPalette}
              onPointerEnter={preloadPalette}
              onFocus={preloadPalette}
              className="flex h-8 min-w-0 flex-1 items-center gap-2 rounded-md border bg-background px-2.5 text-sm text-muted-foreground hover:border-border-strong sm:max-w-xs"
              data-testid="palette-button"
            >
              <Search aria-hidden className="size-4 shrink-0" />
              <span className="truncate">{t("Shell.searchButton")}</span>
              <kbd className="ms-auto hidden rounded border px-1.5 font-mono text-[0.65rem] sm:inline" dir="ltr">
                Ctrl K
              </kbd>
            </button>
            <div className="ms-auto flex items-center gap-1">
              {headerStart}
              <LanguageSwitch />
              <ThemeToggle />
              <PreferencesDialog />
              <div className="hidden min-w-0 items-center gap-2 ps-2 sm:flex">
                <div className="min-w-0 text-end leading-tight">
                  <p className="max-w-40 truncate text-sm font-medium text-foreground" dir="auto" translate="no">
                    {user.name}
                  </p>
                  <p className="hidden max-w-40 truncate text-xs text-muted-foreground lg:block" dir="ltr">
                    {user.email}
                  </p>
                </div>
                <Badge tone={roleTone[user.role]}>{t(`Common.roles.${user.role}`)}</Badge>
              </div>
              <form
                action={async () => {
                  await signOutAction();
                }}
              >
                <SignOutButton />
              </form>
            </div>
          </header>
          <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-5 focus:outline-none md:px-6">
            {children}
          </main>
        </div>
      </div>
      {paletteUsed && (
        <CommandPalette
          open={paletteOpen}
          onOpenChange={setPaletteOpen}
          nav={nav}
          role={user.role}
          signOutAction={signOutAction}
          onShowShortcuts={shortcuts.showHelp}
        />
      )}
      {shortcuts.helpDialog}
    </div>
  );
}
