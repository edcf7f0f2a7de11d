"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type ChangeEvent, type FormEvent } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import {
  DEFAULT_SORT,
  ORDER_STATUSES,
  ORDER_TYPES,
  SEARCH_KEYS,
  SHIPPING_FILTERS,
  type OrderSearch,
  type OrderSort,
} from "@/lib/orders/order-search-params";

const SORT_LABELS: Record<OrderSort, string> = {
  match: "Best match (newest first without a search)",
  updated_desc: "Updated, newest first",
  updated_asc: "Updated, oldest first",
  amount_desc: "Amount, highest first",
  amount_asc: "Amount, lowest first",
  number_asc: "Order number, A → Z",
  number_desc: "Order number, Z → A",
};

const words = (value: string) => value.replace(/_/g, " ");

type Filters = Omit<OrderSearch, "after" | "before">;
type Field = (typeof SEARCH_KEYS)[number];

const toValues = (search: Filters) =>
  Object.fromEntries(SEARCH_KEYS.map((k) => [k, search[k] ?? ""])) as Record<Field, string>;

/**
 * Everything lives in the URL: applying navigates, so a view can be shared or opened in a new tab.
 * `filterParams` identifies the search shown; when it changes (Clear, back, a shared link) the
 * fields follow it. Controlled fields rather than a remount by key: a keyed form here was left
 * behind in the DOM on each navigation.
 */
export function OrderSearchForm({ search, filterParams }: { search: Filters; filterParams: string }) {
  const router = useRouter();
  const [values, setValues] = useState(() => toValues(search));
  const [shown, setShown] = useState(filterParams);
  if (shown !== filterParams) {
    setShown(filterParams);
    setValues(toValues(search));
  }
  const field = (name: Field) => ({
    name,
    value: values[name],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      setValues((v) => ({ ...v, [name]: e.target.value })),
  });

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const params = new URLSearchParams();
    for (const name of SEARCH_KEYS) {
      const value = String(form.get(name) ?? "").trim();
      if (value && !(name === "sort" && value === DEFAULT_SORT)) params.set(name, value);
    }
    // A new search starts from the first page.
    router.push(params.size ? `/orders?${params}` : "/orders");
  }

  return (
    <form onSubmit={apply} role="search" aria-label="Search orders" className="mb-4 grid gap-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex min-w-72 flex-1 flex-col gap-1">
          <Label htmlFor="order-q">Order number, reference or Points uuid</Label>
          <Input
            id="order-q"
            type="search"
            {...field("q")}
            placeholder="ORD-2026-0001, REF-…, or a uuid; the start of a number is enough"
            aria-describedby="order-q-hint"
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <Button type="submit">Search</Button>
        <Link href="/orders" className={buttonClasses({ variant: "ghost" })}>
          Clear
        </Link>
      </div>
      <p id="order-q-hint" className="sr-only">
        Exact uuid, order number or reference number, or the beginning of an order or reference number. A leading # is
        ignored.
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <Choice id="order-status" label="Status" field={field("status")} all="All statuses" options={ORDER_STATUSES} />
        <Choice
          id="order-shipping"
          label="Shipping"
          field={field("shipping")}
          all="Any shipping"
          options={SHIPPING_FILTERS}
          labels={{ none: "no shipping update yet" }}
        />
        <Choice id="order-type" label="Type" field={field("type")} all="Earning and replacing" options={ORDER_TYPES} />
        <div className="flex flex-col gap-1">
          <Label htmlFor="order-min">Amount from (SAR)</Label>
          <Input id="order-min" inputMode="decimal" className="w-28" {...field("min")} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="order-max">to (SAR)</Label>
          <Input id="order-max" inputMode="decimal" className="w-28" {...field("max")} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="order-from">Updated at Points from (Riyadh)</Label>
          <Input id="order-from" type="date" {...field("from")} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="order-to">to</Label>
          <Input id="order-to" type="date" {...field("to")} />
        </div>
        <Choice
          id="order-sort"
          label="Sort"
          field={field("sort")}
          options={Object.keys(SORT_LABELS) as OrderSort[]}
          labels={SORT_LABELS}
        />
      </div>
    </form>
  );
}

function Choice<T extends string>(props: {
  id: string;
  label: string;
  field: { name: string; value: string; onChange: (e: ChangeEvent<HTMLSelectElement>) => void };
  options: readonly T[];
  /** The "no filter" option; omitted when a value is always chosen. */
  all?: string;
  labels?: Partial<Record<T, string>>;
}) {
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={props.id}>{props.label}</Label>
      <Select id={props.id} {...props.field}>
        {props.all && <option value="">{props.all}</option>}
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.labels?.[o] ?? words(o)}
          </option>
        ))}
      </Select>
    </div>
  );
}
