"use client";
// Ctrl/Cmd-K for the palette, "?" for help, "g" then a letter to go to a page.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { GO_SHORTCUTS, isTypingTarget } from "./shortcut-keys";

const GO_WINDOW_MS = 1_500;

function Keys({ keys }: { keys: string[] }) {
  const t = useTranslations("Shortcuts");
  return (
    <span className="flex items-center gap-1" dir="ltr">
      {keys.map((key, i) => (
        <span key={key} className="flex items-center gap-1">
          {i > 0 && <span className="text-xs text-muted-foreground">{t("then")}</span>}
          <kbd className="min-w-6 rounded border bg-surface-muted px-1.5 py-0.5 text-center font-mono text-xs">
            {key}
          </kbd>
        </span>
      ))}
    </span>
  );
}

export function useShortcuts({ openPalette }: { openPalette: () => void }) {
  const router = useRouter();
  const t = useTranslations("Shortcuts");
  const [helpOpen, setHelpOpen] = useState(false);
  const goPressedAt = useRef(0);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k") {
        event.preventDefault();
        openPalette();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      if (document.querySelector("[role=dialog]")) return;
      if (event.key === "?") {
        event.preventDefault();
        setHelpOpen(true);
        return;
      }
      const key = event.key.toLowerCase();
      if (key === "g") {
        goPressedAt.current = Date.now();
        return;
      }
      const target = GO_SHORTCUTS.find((s) => s.key === key);
      if (target && Date.now() - goPressedAt.current < GO_WINDOW_MS) {
        goPressedAt.current = 0;
        router.push(target.href);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [openPalette, router]);

  const rows: Array<{ keys: string[]; label: string }> = [
    { keys: ["Ctrl K"], label: t("palette") },
    { keys: ["?"], label: t("help") },
    ...GO_SHORTCUTS.map((s) => ({ keys: ["g", s.key], label: t(s.label) })),
  ];

  const helpDialog = (
    <Dialog open={helpOpen} onOpenChange={setHelpOpen}>
      <DialogContent data-testid="shortcuts-dialog">
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        <dl className="divide-y">
          {rows.map((row) => (
            <div key={row.label} className="flex items-center justify-between gap-4 py-2 text-sm">
              <dt>{row.label}</dt>
              <dd>
                <Keys keys={row.keys} />
              </dd>
            </div>
          ))}
        </dl>
      </DialogContent>
    </Dialog>
  );

  return { showHelp: () => setHelpOpen(true), helpDialog };
}
