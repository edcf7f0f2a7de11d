"use client";
// Ctrl/Cmd-K: jump to an order (number, reference, uuid: looked up on the
// server), a delivery by id, a page the role may open, or an action.
import * as DialogPrimitive from "@radix-ui/react-dialog";
import { Command } from "cmdk";
import { ArrowUpRight, Download, Inbox, Keyboard, Languages, LogOut, Moon, Package, Search } from "lucide-react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState, type ReactNode } from "react";
import type { JumpTargets } from "@/lib/palette/jump-targets";
import { useDisplayPreferences } from "@/components/i18n/display-preferences";
import { Ltr } from "@/components/i18n/ltr";
import { OrderStatusLabel } from "@/components/i18n/order-status-label";
import { hasRole, type Role } from "@/lib/auth/roles";
import { NAV_ICONS } from "./nav-icons";
import type { NavItem } from "./nav-items";
import { otherLocale, useEffectiveTheme } from "./preference-controls";
import { useSavePreferences } from "./use-save-preferences";

const LOOKUP_DELAY_MS = 200;
const EMPTY: JumpTargets = { orders: [], deliveries: [] };

type LookupState = { status: "idle" | "loading" | "error"; results: JumpTargets };

function useServerLookup(term: string): LookupState {
  const [state, setState] = useState<LookupState>({ status: "idle", results: EMPTY });
  useEffect(() => {
    const q = term.trim();
    if (!q) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the lookup's state follows the term: cleared at once, results after the debounced fetch
      setState({ status: "idle", results: EMPTY });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, status: "loading" }));
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/palette?q=${encodeURIComponent(q)}`, { signal: controller.signal });
        if (!response.ok) throw new Error(String(response.status));
        setState({ status: "idle", results: (await response.json()) as JumpTargets });
      } catch {
        if (!controller.signal.aborted) setState({ status: "error", results: EMPTY });
      }
    }, LOOKUP_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [term]);
  return state;
}

const itemClass =
  "flex cursor-pointer items-center gap-2.5 rounded-md px-3 py-2 text-sm text-foreground data-[selected=true]:bg-accent-subtle data-[selected=true]:text-accent";
const groupClass =
  "px-1 py-1 [&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:py-1.5 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-muted-foreground";

export function CommandPalette({
  open,
  onOpenChange,
  nav,
  role,
  signOutAction,
  onShowShortcuts,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  nav: NavItem[];
  role: Role;
  signOutAction: () => Promise<unknown>;
  onShowShortcuts: () => void;
}) {
  const t = useTranslations();
  const router = useRouter();
  const locale = useLocale();
  const { theme } = useDisplayPreferences();
  const nextTheme = useEffectiveTheme(theme) === "dark" ? "light" : "dark";
  const { save } = useSavePreferences();
  const [term, setTerm] = useState("");
  const lookup = useServerLookup(term);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the dialog also closes from outside (Escape, overlay): start empty next time
    if (!open) setTerm("");
  }, [open]);

  function run(action: () => void) {
    onOpenChange(false);
    action();
  }
  const matches = (label: string) => !term.trim() || label.toLowerCase().includes(term.trim().toLowerCase());

  const actions: Array<{ id: string; label: string; icon: ReactNode; run: () => void }> = [
    {
      id: "theme",
      label: t("Palette.actions.toggleTheme", { theme: t(`Shell.themes.${nextTheme}`) }),
      icon: <Moon aria-hidden className="size-4" />,
      run: () => save({ theme: nextTheme }),
    },
    {
      id: "language",
      label: t("Palette.actions.switchLanguage"),
      icon: <Languages aria-hidden className="size-4" />,
      run: () => save({ locale: otherLocale(locale) }),
    },
    {
      id: "shortcuts",
      label: t("Palette.actions.shortcuts"),
      icon: <Keyboard aria-hidden className="size-4" />,
      run: onShowShortcuts,
    },
    ...(hasRole(role, "admin")
      ? [
          {
            id: "export-audit",
            label: t("Palette.actions.exportAudit"),
            icon: <Download aria-hidden className="size-4" />,
            run: () => window.location.assign("/api/audit/export"),
          },
        ]
      : []),
    {
      id: "sign-out",
      label: t("Palette.actions.signOut"),
      icon: <LogOut aria-hidden className="size-4 rtl:-scale-x-100" />,
      run: () => void signOutAction(),
    },
  ];
  const pages = nav.filter((item) => matches(t(`Nav.${item.key}`)));
  const shownActions = actions.filter((a) => matches(a.label));
  const { orders, deliveries } = lookup.results;
  const nothing = !pages.length && !shownActions.length && !orders.length && !deliveries.length;

  return (
    <DialogPrimitive.Root open={open} onOpenChange={onOpenChange}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-zinc-950/40" />
        <DialogPrimitive.Content
          data-testid="command-palette"
          className="fixed start-1/2 top-[12vh] z-50 w-[calc(100vw-2rem)] max-w-xl -translate-x-1/2 overflow-hidden rounded-xl border bg-surface shadow-2xl focus:outline-none rtl:translate-x-1/2"
        >
          <DialogPrimitive.Title className="sr-only">{t("Palette.title")}</DialogPrimitive.Title>
          <DialogPrimitive.Description className="sr-only">{t("Palette.description")}</DialogPrimitive.Description>
          <Command shouldFilter={false} label={t("Palette.title")} loop>
            <div className="flex items-center gap-2 border-b px-3">
              <Search aria-hidden className="size-4 shrink-0 text-muted-foreground" />
              <Command.Input
                value={term}
                onValueChange={setTerm}
                placeholder={t("Palette.placeholder")}
                className="h-12 w-full bg-transparent text-sm outline-none placeholder:text-muted-foreground"
              />
            </div>
            <Command.List label={t("Palette.suggestions")} className="max-h-[60vh] overflow-y-auto p-1">
              {lookup.status === "loading" && (
                <Command.Loading>
                  <p className="px-3 py-2 text-xs text-muted-foreground">{t("Palette.searching")}</p>
                </Command.Loading>
              )}
              {lookup.status === "error" && (
                <p role="status" className="px-3 py-2 text-xs text-danger-fg">
                  {t("Palette.lookupFailed")}
                </p>
              )}
              {nothing && lookup.status !== "loading" && (
                <p className="px-3 py-6 text-center text-sm text-muted-foreground">{t("Palette.empty")}</p>
              )}
              {orders.length > 0 && (
                <Command.Group heading={t("Palette.groups.orders")} className={groupClass}>
                  {orders.map((order) => (
                    <Command.Item
                      key={order.pointsUuid}
                      value={`order-${order.pointsUuid}`}
                      onSelect={() => run(() => router.push(`/orders/${order.pointsUuid}`))}
                      className={itemClass}
                      data-testid="palette-order"
                    >
                      <Package aria-hidden className="size-4 shrink-0" />
                      <span>{t("Palette.orderItem")}</span>
                      <Ltr className="font-mono">{order.orderNumber}</Ltr>
                      {order.referenceNumber && (
                        <Ltr className="truncate font-mono text-xs text-muted-foreground">{order.referenceNumber}</Ltr>
                      )}
                      <span className="ms-auto text-xs text-muted-foreground">
                        <OrderStatusLabel status={order.orderStatus} />
                      </span>
                    </Command.Item>
                  ))}
                </Command.Group>
              )}
              {deliveries.length > 0 && (
                <Command.Group heading={t("Palette.groups.deliveries")} className={groupClass}>
                  {deliveries.map((delivery) => (
                    <Command.Item
                      key={delivery.id}
                      value={`delivery-${delivery.id}`}
                      onSelect={() => run(() => router.push(`/webhooks/${delivery.id}`))}
                      className={itemClass}
                    >
                      <Inbox aria-hidden className="size-4 shrink-0" />
                      <span>{t("Palette.deliveryItem")}</span>
                      <Ltr className="font-mono">#{delivery.id}</Ltr>
                      {delivery.event && (
                        <Ltr className="font-mono text-xs text-muted-foreground">{delivery.event}</Ltr>
                      )}
                    </Command.Item>
                  ))}
                </Command.Group>
              )}
              {pages.length > 0 && (
                <Command.Group heading={t("Palette.groups.pages")} className={groupClass}>
                  {pages.map((item) => {
                    const Icon = NAV_ICONS[item.key];
                    return (
                      <Command.Item
                        key={item.href}
                        value={`page-${item.href}`}
                        onSelect={() => run(() => router.push(item.href))}
                        className={itemClass}
                      >
                        <Icon aria-hidden className="size-4 shrink-0" />
                        {t(`Nav.${item.key}`)}
                        <ArrowUpRight aria-hidden className="ms-auto size-3.5 text-muted-foreground rtl:-scale-x-100" />
                      </Command.Item>
                    );
                  })}
                </Command.Group>
              )}
              {shownActions.length > 0 && (
                <Command.Group heading={t("Palette.groups.actions")} className={groupClass}>
                  {shownActions.map((action) => (
                    <Command.Item
                      key={action.id}
                      value={`action-${action.id}`}
                      onSelect={() => run(action.run)}
                      className={itemClass}
                    >
                      {action.icon}
                      {action.label}
                    </Command.Item>
                  ))}
                </Command.Group>
              )}
            </Command.List>
          </Command>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
