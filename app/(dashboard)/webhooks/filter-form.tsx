"use client";

import { Input } from "@/components/ui/input";
import { FilterField, SelectFilter, TimeRangeFields, UrlFilterForm } from "@/components/ui/url-filter-form";
import { toLocalTime } from "@/lib/time/riyadh";
import { STATUS_FILTERS, type DeliveryFilter } from "@/lib/webhooks/delivery-filters";
import { WEBHOOK_EVENTS } from "@/lib/points/envelope";

const FIELDS = ["q", "event", "status", "from", "to"] as const;

export function FilterForm({ filter }: { filter: DeliveryFilter }) {
  return (
    <UrlFilterForm path="/webhooks" fields={FIELDS} label="Filter deliveries">
      <FilterField id="filter-q" label="Order number or Points uuid">
        <Input
          id="filter-q"
          name="q"
          type="search"
          defaultValue={filter.q ?? ""}
          placeholder="ORD-1001 or uuid"
          className="w-64"
        />
      </FilterField>
      <SelectFilter name="event" label="Event" options={WEBHOOK_EVENTS} value={filter.event} allLabel="All events" />
      <SelectFilter
        name="status"
        label="Status"
        options={STATUS_FILTERS}
        value={filter.status}
        allLabel="All statuses"
        optionLabel={(s) => (s === "duplicate" ? "has duplicates" : s)}
      />
      <TimeRangeFields
        fromLabel="Received from (Riyadh)"
        from={filter.from ? toLocalTime(filter.from) : ""}
        to={filter.to ? toLocalTime(filter.to) : ""}
      />
    </UrlFilterForm>
  );
}
