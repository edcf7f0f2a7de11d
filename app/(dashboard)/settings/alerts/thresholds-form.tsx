"use client";
// The thresholds as one form: each rule a fieldset, each bad value reported
// next to its field, nothing saved unless all are valid.
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FieldMessage, Label } from "@/components/ui/label";
import { useToast } from "@/components/ui/toast";
import type { MessageResult } from "@/lib/result/action-result";

type Action = (input?: unknown) => Promise<MessageResult>;

interface FieldDef {
  name: string;
  label: string;
  step?: string;
}
interface SectionDef {
  title: string;
  description: string;
  fields: FieldDef[];
}

const windowed = (section: string, windowLabel = "Window (minutes)"): FieldDef[] => [
  { name: `${section}.windowMinutes`, label: windowLabel },
  { name: `${section}.minCount`, label: "Alert at (count)" },
];

const SECTIONS: SectionDef[] = [
  { title: "Points answers 5xx", description: "Points failed to handle our request.", fields: windowed("points5xx") },
  {
    title: "Points unreachable",
    description: "No answer: network error or timeout.",
    fields: windowed("pointsNetwork"),
  },
  {
    title: "Points answers 4xx",
    description: "Points refused requests (3xx counted here too).",
    fields: windowed("points4xx"),
  },
  {
    title: "Spike of 400, 403, 422 or 429",
    description:
      "Each status on its own: the spike window against the baseline before it. Fires at the count and the factor together.",
    fields: [
      { name: "spike.windowMinutes", label: "Spike window (minutes)" },
      { name: "spike.baselineMinutes", label: "Baseline before it (minutes)" },
      { name: "spike.minCount", label: "Alert at (count in the window)" },
      { name: "spike.factor", label: "And at (× the baseline rate)", step: "0.1" },
    ],
  },
  {
    title: "Webhook receiver cannot reach the database",
    description:
      "Deliveries we could not store because the database was unreachable or out of connections (not slow answers); Points retries them.",
    fields: windowed("receiver5xx"),
  },
  {
    title: "Webhook secret check failures",
    description: "Requests without a valid X-Webhook-Secret.",
    fields: windowed("verificationFailures"),
  },
  {
    title: "Dead-lettered deliveries",
    description: "Dead deliveries received within the lookback.",
    fields: windowed("deadLetters", "Lookback (minutes)"),
  },
  {
    title: "Overdue webhook confirmations",
    description:
      "Accepted actions still waiting for their webhook after CONFIRMATION_OVERDUE_MINUTES, sent within the lookback.",
    fields: windowed("overdueConfirmations", "Lookback (minutes)"),
  },
  {
    title: "Open reconciliation differences",
    description: "Differences not yet healed or explained.",
    fields: [{ name: "reconcileDifferences.minCount", label: "Alert at (count)" }],
  },
  {
    title: "Posting to ALERT_WEBHOOK_URL",
    description:
      "A new alert of a rule waits while that rule had a post within the first value; all posts together stay under the second.",
    fields: [
      { name: "notifications.perRuleMinutes", label: "One post per rule per (minutes)" },
      { name: "notifications.perMinute", label: "At most (posts per minute)" },
    ],
  },
];

const UNREACHABLE = "The dashboard could not be reached. Reload the page to see which thresholds are in force.";
const fieldId = (name: string) => `threshold-${name.replace(".", "-")}`;

export function ThresholdsForm({
  values,
  defaults,
  save,
  reset,
}: {
  values: Record<string, number>;
  defaults: Record<string, number>;
  save: Action;
  reset: Action;
}) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const { toast } = useToast();
  const router = useRouter();

  const run = (send: () => Promise<MessageResult>) =>
    startTransition(async () => {
      const result = await send().catch((): MessageResult => ({ ok: false, message: UNREACHABLE }));
      setErrors((!result.ok && result.fieldErrors) || {});
      setMessage(result.ok ? null : result.message);
      if (!result.ok) return;
      toast({ tone: "success", title: "Alert thresholds", description: result.message });
      router.refresh();
    });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    run(() => save(fields));
  };

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <div className="grid gap-4 md:grid-cols-2">
        {SECTIONS.map((section) => (
          <fieldset key={section.title} className="grid content-start gap-3 rounded-lg border bg-surface p-4">
            <legend className="px-1 text-sm font-semibold text-foreground">{section.title}</legend>
            <p className="-mt-1 text-sm text-muted-foreground">{section.description}</p>
            <div className="grid gap-3 sm:grid-cols-2">
              {section.fields.map((field) => {
                const id = fieldId(field.name);
                const error = errors[field.name];
                return (
                  <div key={field.name} className="grid content-start gap-1.5">
                    <Label htmlFor={id}>{field.label}</Label>
                    <Input
                      id={id}
                      name={field.name}
                      type="number"
                      inputMode="decimal"
                      step={field.step ?? "1"}
                      defaultValue={values[field.name]}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={`${id}-hint`}
                      className="w-full"
                    />
                    <FieldMessage id={`${id}-hint`} tone={error ? "error" : "hint"}>
                      {error ?? `Default ${defaults[field.name]}`}
                    </FieldMessage>
                  </div>
                );
              })}
            </div>
          </fieldset>
        ))}
      </div>
      {message && (
        <FieldMessage tone="error" role="alert">
          {message}
        </FieldMessage>
      )}
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" disabled={pending} onClick={() => run(() => reset())}>
          Reset to defaults
        </Button>
        <Button type="submit" loading={pending}>
          Save thresholds
        </Button>
      </div>
    </form>
  );
}
