"use client";

import * as ToastPrimitive from "@radix-ui/react-toast";
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import type { Tone } from "./badge";
import { useTranslations } from "next-intl";
import { cn } from "./cn";

export type ToastInput = { title: string; description?: string; tone?: Tone };
type ToastItem = ToastInput & { id: number };

type ToastContextValue = { toast: (input: ToastInput) => void };

const ToastContext = createContext<ToastContextValue | null>(null);

// Older toasts drop off so a burst of failures cannot bury the page.
const MAX_VISIBLE = 4;

const accent: Record<Tone, string> = {
  neutral: "border-l-border-strong",
  success: "border-l-success-fg",
  warning: "border-l-warning-fg",
  danger: "border-l-danger",
  info: "border-l-info-fg",
};

/** Wrap the app once (root layout); any client component below can then call `useToast().toast(...)`. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const t = useTranslations("Common");
  const closeLabel = t("close");
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const nextId = useRef(0);

  const toast = useCallback((input: ToastInput) => {
    nextId.current += 1;
    const item = { ...input, id: nextId.current };
    setToasts((current) => [...current, item].slice(-MAX_VISIBLE));
  }, []);

  const remove = useCallback((id: number) => {
    setToasts((current) => current.filter((t) => t.id !== id));
  }, []);

  const value = useMemo(() => ({ toast }), [toast]);

  return (
    <ToastContext.Provider value={value}>
      {children}
      {/* Beside the page, not around it: Radix's provider changes its context once its viewport mounts, and a
          context change above a Suspense boundary that has not hydrated yet makes React hydrate it out of turn,
          or, while its streamed HTML waits to be revealed, render it again beside the server's hidden copy. */}
      <ToastPrimitive.Provider swipeDirection="right">
        {toasts.map(({ id, title, description, tone = "neutral" }) => (
          <ToastPrimitive.Root
            key={id}
            // Failures are announced assertively and stay longer: staff need time to read them.
            type={tone === "danger" ? "foreground" : "background"}
            duration={tone === "danger" ? 10_000 : 5_000}
            onOpenChange={(open) => {
              if (!open) remove(id);
            }}
            className={cn(
              "relative grid gap-0.5 rounded-md border border-s-4 bg-surface py-3 ps-3 pe-9 shadow-lg",
              "data-[swipe=move]:translate-x-(--radix-toast-swipe-move-x) data-[swipe=end]:translate-x-(--radix-toast-swipe-end-x)",
              accent[tone],
            )}
          >
            <ToastPrimitive.Title className="text-sm font-semibold text-foreground">{title}</ToastPrimitive.Title>
            {description && (
              <ToastPrimitive.Description className="text-sm text-muted-foreground">
                {description}
              </ToastPrimitive.Description>
            )}
            <ToastPrimitive.Close
              aria-label={closeLabel}
              className="absolute end-2 top-2 inline-flex size-6 items-center justify-center rounded text-muted-foreground hover:bg-surface-muted hover:text-foreground"
            >
              <svg
                aria-hidden="true"
                viewBox="0 0 16 16"
                className="size-3.5"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.5"
                strokeLinecap="round"
              >
                <path d="m4 4 8 8M12 4l-8 8" />
              </svg>
            </ToastPrimitive.Close>
          </ToastPrimitive.Root>
        ))}
        <ToastPrimitive.Viewport
          label={t("notifications", { hotkey: "{hotkey}" })}
          className="fixed bottom-0 end-0 z-[100] m-0 flex w-full max-w-sm list-none flex-col gap-2 p-4"
        />
      </ToastPrimitive.Provider>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastContextValue {
  const context = useContext(ToastContext);
  if (!context) throw new Error("useToast must be used inside <ToastProvider>");
  return context;
}
