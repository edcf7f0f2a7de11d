"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { Role } from "@/lib/auth/roles";

export type AppShellProps = {
  user: { name: string; email: string; role: Role };
  /** Already filtered for the user's role by the server; the shell renders exactly these. */
  nav: Array<{ href: string; label: string }>;
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
  return pathname === href || pathname.startsWith(`${href}/`);
}

function SignOutButton() {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant="secondary" size="sm" loading={pending}>
      Sign out
    </Button>
  );
}

export function AppShell({ user, nav, signOutAction, headerStart, children }: AppShellProps) {
  const pathname = usePathname();

  return (
    <div className="min-h-screen md:flex">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-[200] focus:rounded-md focus:bg-surface focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:shadow-lg"
      >
        Skip to content
      </a>

      {/* A left sidebar on wide screens; on narrow ones the same element becomes a top bar with a scrolling row of links. */}
      <aside className="border-b bg-surface md:sticky md:top-0 md:flex md:h-screen md:w-56 md:shrink-0 md:flex-col md:border-b-0 md:border-r">
        <div className="flex h-12 items-center px-4 text-sm font-semibold tracking-tight text-foreground">
          Points <span className="ml-1 font-normal text-muted-foreground">Ops</span>
        </div>
        <nav aria-label="Main" className="overflow-x-auto px-2 pb-2 md:flex-1 md:overflow-y-auto md:pb-4">
          <ul className="flex gap-1 md:flex-col">
            {nav.map((item) => {
              const active = isActive(pathname, item.href);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={active ? "page" : undefined}
                    className={cn(
                      "flex h-8 items-center whitespace-nowrap rounded-md px-3 text-sm transition-colors",
                      active
                        ? "bg-accent-subtle font-medium text-accent"
                        : "text-muted-foreground hover:bg-surface-muted hover:text-foreground",
                    )}
                  >
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      </aside>

      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-12 shrink-0 items-center justify-end gap-3 border-b bg-surface px-4">
          {headerStart}
          <div className="flex min-w-0 items-center gap-2 text-right">
            <div className="min-w-0 leading-tight">
              <p className="truncate text-sm font-medium text-foreground" dir="auto">
                {user.name}
              </p>
              <p className="hidden truncate text-xs text-muted-foreground sm:block">{user.email}</p>
            </div>
            <Badge tone={roleTone[user.role]}>{user.role}</Badge>
          </div>
          <form
            action={async () => {
              await signOutAction();
            }}
          >
            <SignOutButton />
          </form>
        </header>
        <main id="main" tabIndex={-1} className="flex-1 px-4 py-5 focus:outline-none md:px-6">
          {children}
        </main>
      </div>
    </div>
  );
}
