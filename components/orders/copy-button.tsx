"use client";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";

export function CopyButton({ value, label }: { value: string; label: string }) {
  const { toast } = useToast();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      toast({ tone: "success", title: `${label} copied` });
    } catch {
      // Clipboard access needs a secure context and permission; the value stays selectable on the page.
      toast({ tone: "warning", title: `Could not copy the ${label.toLowerCase()}; select it instead` });
    }
  };
  return (
    <Button variant="ghost" size="sm" onClick={copy} aria-label={`Copy ${label.toLowerCase()}`}>
      Copy
    </Button>
  );
}
