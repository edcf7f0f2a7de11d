"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { STATUS_FILTERS, toLocalTime, type DeliveryFilter } from "@/lib/webhooks/delivery-filters";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/envelope";

const FIELDS = ["q", "event", "status", "from", "to"] as const;

/** Filters live in the URL only: applying one navigates, so the view can be shared or opened in a new tab. */
export function FilterForm({ filter }: { filter: DeliveryFilter }) {
  const router = useRouter();

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const params = new URLSearchParams();
    for (const name of FIELDS) {
      const value = String(form.get(name) ?? "").trim();
      if (value) params.set(name, value);
    }
    // A new filter starts from the newest page.
    router.push(params.size ? `/webhooks?${params}` : "/webhooks");
  }

  return (
    <form onSubmit={apply} role="search" aria-label="Filter deliveries" className="mb-4 flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-1">
        <Label htmlFor="filter-q">Order number or Points uuid</Label>
        <Input id="filter-q" name="q" type="search" defaultValue={filter.q ?? ""} placeholder="ORD-1001 or uuid" className="w-64" />
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="filter-event">Event</Label>
        <Select id="filter-event" name="event" defaultValue={filter.event ?? ""}>
          <option value="">All events</option>
          {WEBHOOK_EVENTS.map((e) => (
            <option key={e} value={e}>
              {e}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="filter-status">Status</Label>
        <Select id="filter-status" name="status" defaultValue={filter.status ?? ""}>
          <option value="">All statuses</option>
          {STATUS_FILTERS.map((s) => (
            <option key={s} value={s}>
              {s === "duplicate" ? "has duplicates" : s}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="filter-from">Received from (Riyadh)</Label>
        <Input id="filter-from" name="from" type="datetime-local" step={1} defaultValue={filter.from ? toLocalTime(filter.from) : ""} />
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="filter-to">to</Label>
        <Input id="filter-to" name="to" type="datetime-local" step={1} defaultValue={filter.to ? toLocalTime(filter.to) : ""} />
      </div>
      <Button type="submit">Apply</Button>
      <Link href="/webhooks" className={buttonClasses({ variant: "ghost" })}>
        Clear
      </Link>
    </form>
  );
}
