import { useTranslations } from "next-intl";
import { Ltr } from "@/components/i18n/ltr";
import { Badge, type Tone } from "@/components/ui/badge";

const TONES = { running: "info", completed: "success", failed: "danger" } as const satisfies Record<string, Tone>;
const TRIGGERS = ["cron", "cli", "manual"] as const;

export function RunStatusBadge({ status }: { status: string }) {
  const t = useTranslations("Reconciliation.runStatus");
  const known = status in TONES;
  return (
    <Badge tone={known ? TONES[status as keyof typeof TONES] : "neutral"} data-testid="run-status" data-status={status}>
      {known ? t(status as keyof typeof TONES) : <Ltr>{status}</Ltr>}
    </Badge>
  );
}

const isKnownTrigger = (trigger: string): trigger is (typeof TRIGGERS)[number] =>
  (TRIGGERS as readonly string[]).includes(trigger);

/** What started a run, in words; one this version does not know keeps its stored name. */
export function useTriggerName() {
  const t = useTranslations("Reconciliation.triggers");
  return (trigger: string) => (isKnownTrigger(trigger) ? t(trigger) : trigger);
}

export function RunTrigger({ trigger }: { trigger: string }) {
  const name = useTriggerName();
  return isKnownTrigger(trigger) ? name(trigger) : <Ltr>{trigger}</Ltr>;
}
