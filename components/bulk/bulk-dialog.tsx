"use client";
// The dialog a bulk run lives in: it asks, then shows progress. While the run
// is busy it cannot be dismissed (the tab must stay to send the next chunk);
// "Stop after this chunk" is the way out.
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";

export function BulkDialog({
  open,
  busy,
  onClose,
  children,
}: {
  open: boolean;
  busy: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog open={open} onOpenChange={(next) => !next && !busy && onClose()}>
      <DialogContent
        onInteractOutside={(e) => busy && e.preventDefault()}
        onEscapeKeyDown={(e) => busy && e.preventDefault()}
      >
        {children}
      </DialogContent>
    </Dialog>
  );
}

export function StopButton({ onStop }: { onStop: () => void }) {
  const t = useTranslations("Bulk");
  return (
    <Button variant="secondary" onClick={onStop}>
      {t("stop")}
    </Button>
  );
}

/** Leaves the confirmation without running anything. */
export function CancelButton({ onCancel }: { onCancel: () => void }) {
  const t = useTranslations("Bulk");
  return (
    <Button variant="secondary" onClick={onCancel}>
      {t("cancel")}
    </Button>
  );
}
