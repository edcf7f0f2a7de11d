"use client";
// A filter bar whose state lives in the URL only: applying navigates, so a
// view can be shared, opened in a new tab or exported exactly as shown.
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { FormEvent, ReactNode } from "react";
import { Button, buttonClasses } from "./button";
import { Input } from "./input";
import { Label } from "./label";

export function UrlFilterForm({ path, fields, label, children }: { path: string; fields: readonly string[]; label: string; children: ReactNode }) {
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
