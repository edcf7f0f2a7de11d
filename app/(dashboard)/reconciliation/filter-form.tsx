"use client";

import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { FilterField, UrlFilterForm } from "@/components/ui/url-filter-form";
import { DIFFERENCE_FIELDS, DIFFERENCE_KINDS, FILTER_KEYS, STATUS_FILTERS, type DifferenceFilter } from "@/lib/reconcile/difference-filters";

export function FilterForm({ filter }: { filter: DifferenceFilter }) {
  return (
    <UrlFilterForm path="/reconciliation" fields={FILTER_KEYS} label="Filter differences">
      <FilterField id="filter-q" label="Order number or Points uuid">
        <Input id="filter-q" name="q" type="search" defaultValue={filter.q ?? ""} placeholder="ORD-1001 or uuid" className="w-64" />
      </FilterField>
      <FilterField id="filter-field" label="Field">
        <Select id="filter-field" name="field" defaultValue={filter.field ?? ""}>
          <option value="">All fields</option>
          {DIFFERENCE_FIELDS.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </Select>
      </FilterField>
      <FilterField id="filter-kind" label="Kind">
        <Select id="filter-kind" name="kind" defaultValue={filter.kind ?? ""}>
          <option value="">All kinds</option>
          {DIFFERENCE_KINDS.map((k) => (
            <option key={k} value={k}>
              {k.replace(/_/g, " ")}
            </option>
          ))}
        </Select>
      </FilterField>
      <FilterField id="filter-status" label="Status">
        <Select id="filter-status" name="status" defaultValue={filter.status}>
          {STATUS_FILTERS.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </FilterField>
    </UrlFilterForm>
  );
}
