"use client";
// The thresholds as one form: each rule a fieldset, each bad value reported
// next to its field, nothing saved unless all are valid.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useDisplayFormat } from "@/components/i18n/display-preferences";
import { Ltr } from "@/components/i18n/ltr";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FieldMessage, Label } from "@/components/ui/label";
import { useToast } from "@/components/ui/toast";
import { useAnswerTransition } from "@/components/ui/use-answer-transition";
import type { Messages } from "@/lib/i18n/catalogue";
import type { MessageResult } from "@/lib/result/action-result";

type Action = (input?: unknown) => Promise<MessageResult>;

type SectionId = keyof Messages["Settings"]["thresholdSections"];
/** A field's label: its own in the section's messages, or the common window/count wording. */
type FieldLabel = "window" | "lookback" | "alertAt" | "own";
interface FieldDef {
  name: string;
  label: FieldLabel;
  step?: string;
}

const windowed = (section: SectionId, window: FieldLabel = "window"): FieldDef[] => [
  { name: `${section}.windowMinutes`, label: window },
  { name: `${section}.minCount`, label: "alertAt" },
];

const SECTIONS: Array<{ id: SectionId; fields: FieldDef[] }> = [
  { id: "points5xx", fields: windowed("points5xx") },
  { id: "pointsNetwork", fields: windowed("pointsNetwork") },
  { id: "points4xx", fields: windowed("points4xx") },
  {
    id: "spike",
    fields: [
      { name: "spike.windowMinutes", label: "own" },
      { name: "spike.baselineMinutes", label: "own" },
      { name: "spike.minCount", label: "own" },
      { name: "spike.factor", label: "own", step: "0.1" },
    ],
  },
  { id: "receiver5xx", fields: windowed("receiver5xx") },
  { id: "verificationFailures", fields: windowed("verificationFailures") },
  { id: "deadLetters", fields: windowed("deadLetters", "lookback") },
  { id: "overdueConfirmations", fields: windowed("overdueConfirmations", "lookback") },
  { id: "reconcileDifferences", fields: [{ name: "reconcileDifferences.minCount", label: "alertAt" }] },
  {
    id: "notifications",
    fields: [
      { name: "notifications.perRuleMinutes", label: "own" },
      { name: "notifications.perMinute", label: "own" },
    ],
  },
];

// The server's field errors are thresholds.ts's few fixed English phrasings; each has its message here.
const ERROR_FORMS: Array<[RegExp, "number" | "whole" | "min" | "max" | "baseline"]> = [
  [/^must be a number/, "number"],
  [/^must be a whole number/, "whole"],
  [/^must be at least ([\d.]+)/, "min"],
  [/^must be at most ([\d.]+)/, "max"],
  [/^must be longer than the spike window/, "baseline"],
];

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
  const [pending, runForAnswer] = useAnswerTransition();
  const { toast } = useToast();
  const router = useRouter();
  const t = useTranslations("Settings.thresholds");
  const sections = useTranslations("Settings.thresholdSections");
  const format = useDisplayFormat();

  const fieldError = (error: string) => {
    for (const [form, key] of ERROR_FORMS) {
      const match = form.exec(error);
      if (match)
        return t(`errors.${key}`, { min: format.number(Number(match[1])), max: format.number(Number(match[1])) });
    }
    return error;
  };
  const label = (section: SectionId, field: FieldDef) =>
    field.label === "own"
      ? // eslint-disable-next-line @typescript-eslint/no-explicit-any -- only spike and notifications have own labels, checked by the catalogue test
        sections(`${section}.${field.name.split(".")[1]}` as any)
      : t(field.label);

  const run = (send: () => Promise<MessageResult>, done: string) =>
    runForAnswer(
      () => send().catch((): MessageResult => ({ ok: false, message: t("unreachable") })),
      (result) => {
        const fieldErrors = (!result.ok && result.fieldErrors) || {};
        setErrors(fieldErrors);
        const invalid = Object.keys(fieldErrors).length;
        setMessage(
          result.ok ? null : invalid ? t("invalid", { nCount: invalid, n: format.number(invalid) }) : result.message,
        );
        if (!result.ok) return;
        toast({ tone: "success", title: t("toast"), description: done });
        router.refresh();
      },
    );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    run(() => save(fields), t("saved"));
  };

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <div className="grid gap-4 md:grid-cols-2">
        {SECTIONS.map((section) => (
          <fieldset key={section.id} className="grid content-start gap-3 rounded-lg border bg-surface p-4">
            <legend className="px-1 text-sm font-semibold text-foreground">{sections(`${section.id}.title`)}</legend>
            <p className="-mt-1 text-sm text-muted-foreground">
              {sections.rich(`${section.id}.description`, { code: (chunks) => <Ltr>{chunks}</Ltr> })}
            </p>
            <div className="grid gap-3 sm:grid-cols-2">
              {section.fields.map((field) => {
                const id = fieldId(field.name);
                const error = errors[field.name];
                return (
                  <div key={field.name} className="grid content-start gap-1.5">
                    <Label htmlFor={id}>{label(section.id, field)}</Label>
                    <Input
                      id={id}
                      name={field.name}
                      type="number"
                      inputMode="decimal"
                      step={field.step ?? "1"}
                      defaultValue={values[field.name]}
                      dir="ltr"
                      aria-invalid={error ? true : undefined}
                      aria-describedby={`${id}-hint`}
                      className="w-full"
                    />
                    <FieldMessage id={`${id}-hint`} tone={error ? "error" : "hint"}>
                      {error ? fieldError(error) : t("defaultValue", { value: format.number(defaults[field.name]!) })}
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
        <Button variant="secondary" disabled={pending} onClick={() => run(() => reset(), t("resetDone"))}>
          {t("reset")}
        </Button>
        <Button type="submit" loading={pending}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
