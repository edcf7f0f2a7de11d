"use client";
// A filter bar whose state lives in the URL only: applying navigates, so a
// view can be shared, opened in a new tab or exported exactly as shown.
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { FormEvent, ReactNode } from "react";
import { Button, buttonClasses } from "./button";
import { Input } from "./input";
import { Label } from "./label";
import { Select } from "./select";

export function UrlFilterForm({
  path,
  fields,
  label,
  children,
}: {
  path: string;
  fields: readonly string[];
  label: string;
  children: ReactNode;
}) {
  const router = useRouter();

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const params = new URLSearchParams();
    for (const name of fields) {
      const value = String(form.get(name) ?? "").trim();
      if (value) params.set(name, value);
    }
    // A new filter starts from the newest page.
    router.push(params.size ? `${path}?${params}` : path);
  }

  return (
    <form onSubmit={apply} role="search" aria-label={label} className="mb-4 flex flex-wrap items-end gap-3">
      {children}
      <Button type="submit">Apply</Button>
      <Link href={path} className={buttonClasses({ variant: "ghost" })}>
        Clear
      </Link>
    </form>
  );
}

export function FilterField({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={id}>{label}</Label>
      {children}
    </div>
  );
}

/** The from/to pair of a time range, in Riyadh local time. */
export function TimeRangeFields({ fromLabel, from, to }: { fromLabel: string; from: string; to: string }) {
  return (
    <>
      <FilterField id="filter-from" label={fromLabel}>
        <Input id="filter-from" name="from" type="datetime-local" step={1} defaultValue={from} />
      </FilterField>
      <FilterField id="filter-to" label="to">
        <Input id="filter-to" name="to" type="datetime-local" step={1} defaultValue={to} />
      </FilterField>
    </>
  );
}

/** A select of fixed options; with `allLabel`, a first option that sends nothing (no filter). */
export function SelectFilter({
  name,
  label,
  options,
  value,
  allLabel,
  optionLabel = (option) => option,
}: {
  name: string;
  label: string;
  options: readonly string[];
  value: string | undefined;
  allLabel?: string;
  optionLabel?: (option: string) => string;
}) {
  const id = `filter-${name}`;
  return (
    <FilterField id={id} label={label}>
      <Select id={id} name={name} defaultValue={value ?? ""}>
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {optionLabel(o)}
          </option>
        ))}
      </Select>
    </FilterField>
  );
}
