"use client";
// The filter bar of every list, drawn from the list's filter declaration
// (lib/lists/list-registry.ts): each field's control says what to show, the
// catalogue (Filters.lists.<list>.fields.<field>) what to call it. The state
// lives in the URL only: applying navigates, so a view can be shared, saved or
// exported exactly as shown. Without JavaScript the form is a plain GET of the
// list's page, which reads blank fields as no filter (a date field then keeps
// the value shown: its parts are typed through JavaScript).
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition, type ChangeEvent, type FormEvent } from "react";
import { Button, buttonClasses, Spinner } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { cn } from "@/components/ui/cn";
import { DateField } from "./date-field";
import type { FilterControlOf } from "@/lib/http/url-query";
import { listPageHref } from "@/lib/lists/list-href";
import type { ListName } from "@/lib/lists/list-registry";

// Long enough that a person typing a number sends one search, short enough to feel immediate.
const TYPING_PAUSE_MS = 300;

export interface ListFiltersProps {
  list: ListName;
  path: string;
  controls: readonly FilterControlOf[];
  /** The filter shown, as the URL gives it (defaults filled in). */
  values: Record<string, string>;
  /** Orders: the search box shows results as a person types. */
  searchAsYouType?: boolean;
}

function toQuery(controls: readonly FilterControlOf[], values: Record<string, string>): URLSearchParams {
  const params = new URLSearchParams();
  for (const { name, control } of controls) {
    const value = (values[name] ?? "").trim();
    // A choice that cannot be "all" has a fallback the list fills in; the URL leaves it out.
    if (value && !(control.kind === "choice" && value === control.fallback)) params.set(name, value);
  }
  return params;
}

export function ListFilters({ list, path, controls, values: shown, searchAsYouType = false }: ListFiltersProps) {
  const t = useTranslations("Filters");
  // Keys built from the declaration's field names; lib/lists/list-filters.test.ts checks them in both catalogues.
  const text = (key: string) => t(`lists.${list}.${key}` as "lists.orders.form");
  const has = (key: string) => t.has(`lists.${list}.${key}` as "lists.orders.form");
  const router = useRouter();
  const urlQuery = useSearchParams().toString();
  const [values, setValues] = useState(shown);
  // The fields follow the filters the server shows (a saved view, back, a shared link): the URL can
  // change before the page's new values arrive, so it is those values that are watched.
  const shownKey = JSON.stringify(shown);
  const [seenShown, setSeenShown] = useState(shownKey);
  // What this bar last put in the URL itself, so typing on is not undone when that navigation lands.
  const [ownQuery, setOwnQuery] = useState<string | null>(null);
  // Date fields keep what is half typed themselves; a filter from outside starts them afresh.
  const [outsideChanges, setOutsideChanges] = useState(0);
  if (seenShown !== shownKey) {
    setSeenShown(shownKey);
    if (urlQuery !== ownQuery) {
      setValues(shown);
      setOutsideChanges((n) => n + 1);
    }
  }

  // Pending until the list's new rows are on screen; the rows shown meanwhile stay (the page does not key its results).
  const [pending, startTransition] = useTransition();
  const go = (values: Record<string, string>, how: "push" | "replace") => {
    const params = toQuery(controls, values);
    setOwnQuery(params.toString());
    // A new filter starts from the first page.
    startTransition(() => router[how](listPageHref(path, params.toString()), { scroll: false }));
  };

  const typing = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(typing.current), []);

  const onChange = (name: string, live: boolean) => (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    const next = { ...values, [name]: e.target.value };
    setValues(next);
    if (!live) return;
    clearTimeout(typing.current);
    typing.current = setTimeout(() => go(next, "replace"), TYPING_PAUSE_MS);
  };

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    clearTimeout(typing.current);
    go(values, "push");
  }

  return (
    <form
      method="get"
      action={path}
      onSubmit={apply}
      role="search"
      aria-label={text("form")}
      className="flex flex-wrap items-end gap-3"
    >
      {controls.map(({ name, control }) => {
        const id = `${list}-filter-${name}`;
        const field = `fields.${name}`;
        const common = { id, name, value: values[name] ?? "" };
        const hintId = has(`${field}.hint`) ? `${id}-hint` : undefined;
        return (
          <div
            key={name}
            className={cn(
              "flex flex-col gap-1",
              control.kind === "search" && control.wide && "min-w-0 flex-1 basis-64",
            )}
          >
            <Label id={`${id}-label`} htmlFor={id}>
              {text(`${field}.label`)}
            </Label>
            {control.kind === "time" || control.kind === "day" ? (
              <DateField
                key={outsideChanges}
                kind={control.kind}
                id={id}
                labelId={`${id}-label`}
                name={name}
                value={common.value}
                onValue={(value) => setValues((current) => ({ ...current, [name]: value }))}
                describedBy={hintId}
              />
            ) : control.kind === "choice" ? (
              <Select {...common} onChange={onChange(name, false)}>
                {control.all && <option value="">{has(`${field}.all`) ? text(`${field}.all`) : t("all")}</option>}
                {control.groups.map((group) =>
                  group.name === null ? (
                    <Options key="" options={group.options} label={(o) => optionLabel(o)} />
                  ) : (
                    <optgroup key={group.name} label={text(`${field}.groups.${group.name}`)}>
                      <Options options={group.options} label={(o) => optionLabel(o)} />
                    </optgroup>
                  ),
                )}
                {/* a value typed into the URL that the list does not offer (an action recorded by an older version) */}
                {common.value && !control.groups.some((g) => g.options.includes(common.value)) && (
                  <option value={common.value} translate="no">
                    {common.value}
                  </option>
                )}
              </Select>
            ) : (
              <Input
                {...common}
                onChange={onChange(name, control.kind === "search" && searchAsYouType)}
                className={control.kind === "search" ? (control.wide ? "w-full" : "w-52") : undefined}
                {...INPUTS[control.kind]}
                placeholder={has(`${field}.placeholder`) ? text(`${field}.placeholder`) : undefined}
                aria-describedby={hintId}
              />
            )}
            {hintId && (
              <p id={hintId} className="sr-only">
                {text(`${field}.hint`)}
              </p>
            )}
          </div>
        );

        // Options are translated where the catalogue names them; the rest (audit actions) are identifiers.
        function optionLabel(option: string) {
          return has(`${field}.options.${option}`) ? text(`${field}.options.${option}`) : null;
        }
      })}
      <div className="flex items-center gap-2">
        {/* Not disabled while pending: Enter on a changed query must still submit. */}
        <Button type="submit" aria-busy={pending || undefined}>
          {pending && <Spinner />}
          {searchAsYouType ? t("search") : t("apply")}
        </Button>
        {/* Not prefetched: in view on every filtered list page, it cost a server render of the whole list as each loaded,
            in the way of what the person did next. */}
        <Link href={path} prefetch={false} className={buttonClasses({ variant: "ghost" })}>
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}

const INPUTS = {
  search: { type: "search", autoComplete: "off", spellCheck: false },
  amount: { inputMode: "decimal", className: "w-28" },
} as const;

function Options({ options, label }: { options: readonly string[]; label: (option: string) => string | null }) {
  return options.map((option) => {
    const named = label(option);
    return (
      <option key={option} value={option} translate={named === null ? "no" : undefined}>
        {named ?? option}
      </option>
    );
  });
}
