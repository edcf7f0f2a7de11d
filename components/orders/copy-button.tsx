"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";

/** `label` names what is copied, in the reader's language (e.g. "Points uuid"). */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const t = useTranslations("Orders.copy");
  const { toast } = useToast();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      toast({ tone: "success", title: t("copied", { what: label }) });
    } catch {
      // Clipboard access needs a secure context and permission; the value stays selectable on the page.
      toast({ tone: "warning", title: t("failed", { what: label }) });
    }
  };
  return (
    <Button variant="ghost" size="sm" onClick={copy} aria-label={t("label", { what: label })}>
      {t("button")}
    </Button>
  );
}
