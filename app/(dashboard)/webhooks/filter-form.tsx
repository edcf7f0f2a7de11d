"use client";

import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { FilterField, TimeRangeFields, UrlFilterForm } from "@/components/ui/url-filter-form";
import { STATUS_FILTERS, toLocalTime, type DeliveryFilter } from "@/lib/webhooks/delivery-filters";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/envelope";

const FIELDS = ["q", "event", "status", "from", "to"] as const;

export function FilterForm({ filter }: { filter: DeliveryFilter }) {
  return (
    <UrlFilterForm path="/webhooks" fields={FIELDS} label="Filter deliveries">
      <FilterField id="filter-q" label="Order number or Points uuid">
        <Input id="filter-q" name="q" type="search" defaultValue={filter.q ?? ""} placeholder="ORD-1001 or uuid" className="w-64" />
      </FilterField>
      <FilterField id="filter-event" label="Event">
        <Select id="filter-event" name="event" defaultValue={filter.event ?? ""}>
          <option value="">All events</option>
          {WEBHOOK_EVENTS.map((e) => (
            <option key={e} value={e}>
              {e}
            </option>
          ))}
        </Select>
      </FilterField>
      <FilterField id="filter-status" label="Status">
        <Select id="filter-status" name="status" defaultValue={filter.status ?? ""}>
          <option value="">All statuses</option>
          {STATUS_FILTERS.map((s) => (
            <option key={s} value={s}>
              {s === "duplicate" ? "has duplicates" : s}
            </option>
          ))}
        </Select>
      </FilterField>
      <TimeRangeFields fromLabel="Received from (Riyadh)" from={filter.from ? toLocalTime(filter.from) : ""} to={filter.to ? toLocalTime(filter.to) : ""} />
    </UrlFilterForm>
  );
}
