"use client";
// A filter's day or Riyadh time, typed day first in the reader's digits, in
// place of the browser's date inputs (which Chromium shows as mm/dd/yyyy
// whatever the page's language). One text box per part inside one bordered
// field; the form submits a hidden input with the value the URL has always
// carried (lib/time/date-parts.ts), so links, saved views and exports are
// unchanged. Above the field, the chosen day as the reader's calendar words it
// (Gregorian, Hijri or both). An incomplete or impossible date blocks the
// submit through the part's own validity, so the browser says why and focuses it.
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useDisplayFormat, useDisplayPreferences } from "@/components/i18n/display-preferences";
import { cn } from "@/components/ui/cn";
import { fieldClasses } from "@/components/ui/input";
import {
  joinParts,
  PART_RANGE,
  PARTS_OF,
  riyadhYearNow,
  splitValue,
  stepPart,
  toShownDigits,
  typePart,
  type DateKind,
  type DateParts,
  type PartName,
} from "@/lib/time/date-parts";
import { riyadhDayStart, toInstant } from "@/lib/time/riyadh";

const DATE_PARTS = ["day", "month", "year"] as const;
const TIME_PARTS = ["hour", "minute", "second"] as const;

export interface DateFieldProps {
  kind: DateKind;
  /** The first part's id, so the field's `<label htmlFor>` focuses it. */
  id: string;
  /** The id of the element that names the field (its label). */
  labelId: string;
  name: string;
  /** The URL value: `YYYY-MM-DD`, or a Riyadh wall-clock time `YYYY-MM-DDTHH:MM[:SS]`. */
  value: string;
  onValue: (value: string) => void;
  describedBy?: string;
}

export function DateField({ kind, id, labelId, name, value, onValue, describedBy }: DateFieldProps) {
  const t = useTranslations("Filters.dateField");
  const zone = useTranslations("Common")("riyadhTime");
  const { digits } = useDisplayPreferences();
  const format = useDisplayFormat();
  // The parent remounts the field when the filter changes from outside (a saved view, back, Clear).
  const [parts, setParts] = useState<DateParts>(() => splitValue(value, kind));
  const inputs = useRef<Partial<Record<PartName, HTMLInputElement | null>>>({});
  const order = PARTS_OF[kind];
  const joined = joinParts(parts, kind);
  const badPart = joined.ok ? null : joined.part;
  const problem = joined.ok ? null : joined.problem;

  useEffect(() => {
    for (const part of PARTS_OF[kind]) {
      inputs.current[part]?.setCustomValidity(part === badPart && problem ? t(`${problem}.${kind}`) : "");
    }
  }, [badPart, problem, kind, t]);

  function update(part: PartName, text: string) {
    const next = { ...parts, [part]: text };
    setParts(next);
    const result = joinParts(next, kind);
    onValue(result.ok ? result.value : "");
  }

  function focusPart(part: PartName | undefined) {
    const input = part && inputs.current[part];
    if (!input) return;
    input.focus();
    input.select();
  }

  const neighbour = (part: PartName, step: 1 | -1) => order[order.indexOf(part) + step];

  function onKeyDown(part: PartName, event: KeyboardEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length;
    // The arrow that points to the next part depends on which way this part's row runs (the time reads left to right).
    const rtl = getComputedStyle(input).direction === "rtl";
    const forward = rtl ? "ArrowLeft" : "ArrowRight";
    const backward = rtl ? "ArrowRight" : "ArrowLeft";
    if (event.key === "ArrowUp" || event.key === "ArrowDown") {
      event.preventDefault();
      const start = part === "year" ? riyadhYearNow() : undefined;
      update(part, stepPart(part, parts[part], event.key === "ArrowUp" ? 1 : -1, start));
    } else if ((event.key === "Backspace" && input.value === "") || (event.key === backward && atStart)) {
      const previous = neighbour(part, -1);
      if (previous) {
        event.preventDefault();
        focusPart(previous);
      }
    } else if (event.key === forward && atEnd) {
      const next = neighbour(part, 1);
      if (next) {
        event.preventDefault();
        focusPart(next);
      }
    }
  }

  const segment = (part: PartName) => {
    const placeholder = t(`placeholders.${part}`);
    const invalid = part === badPart && parts[part] !== "";
    return (
      <input
        key={part}
        ref={(el) => {
          inputs.current[part] = el;
        }}
        id={part === order[0] ? id : `${id}-${part}`}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        aria-label={t(`parts.${part}`)}
        aria-invalid={invalid || undefined}
        placeholder={placeholder}
        size={Math.max(PART_RANGE[part].digits, placeholder.length)}
        value={toShownDigits(parts[part], digits)}
        onChange={(event) => {
          const typed = typePart(part, event.target.value);
          update(part, typed.text);
          if (typed.advance) focusPart(neighbour(part, 1));
        }}
        onKeyDown={(event) => onKeyDown(part, event)}
        onFocus={(event) => event.target.select()}
        className={cn(
          "field-sizing-content rounded-sm bg-transparent px-0.5 text-center tabular-nums outline-none",
          "placeholder:text-muted-foreground/80 focus:bg-accent-subtle focus:text-foreground",
          "aria-invalid:text-danger-fg",
        )}
      />
    );
  };

  const separated = (names: readonly PartName[], separator: string) =>
    names.flatMap((part, i) => [
      i > 0 && (
        <span key={`${part}-sep`} aria-hidden="true" className="text-muted-foreground">
          {separator}
        </span>
      ),
      segment(part),
    ]);

  const readingId = `${id}-reading`;
  const zoneId = `${id}-zone`;
  const reading =
    joined.ok && joined.value
      ? format.date(kind === "day" ? riyadhDayStart(joined.value) : toInstant(joined.value))
      : null;

  return (
    <>
      {/* w-0 min-w-full: the reading wraps within the field's width instead of widening the toolbar column. */}
      <p id={readingId} aria-live="polite" className="w-0 min-w-full text-xs text-muted-foreground">
        {reading}
      </p>
      <div
        role="group"
        aria-labelledby={labelId}
        aria-describedby={
          [kind === "time" && zoneId, reading && readingId, describedBy].filter(Boolean).join(" ") || undefined
        }
        className={cn(
          fieldClasses,
          "flex w-max items-center gap-0.5 focus-within:outline-2 focus-within:outline-offset-1 focus-within:outline-ring",
        )}
      >
        {separated(DATE_PARTS, "/")}
        {kind === "time" && (
          <>
            <span dir="ltr" className="ms-2 flex items-center gap-0.5">
              {separated(TIME_PARTS, ":")}
            </span>
            <span id={zoneId} className="ms-1.5 text-xs whitespace-nowrap text-muted-foreground">
              {zone}
            </span>
          </>
        )}
        <input type="hidden" name={name} value={joined.ok ? joined.value : ""} />
      </div>
    </>
  );
}
