"use client";

import { Input } from "@/components/ui/input";
import { FilterField, SelectFilter, UrlFilterForm } from "@/components/ui/url-filter-form";
import {
  DIFFERENCE_FIELDS,
  DIFFERENCE_KINDS,
  FILTER_KEYS,
  STATUS_FILTERS,
  type DifferenceFilter,
} from "@/lib/reconcile/difference-filters";

export function FilterForm({ filter }: { filter: DifferenceFilter }) {
  return (
    <UrlFilterForm path="/reconciliation" fields={FILTER_KEYS} label="Filter differences">
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
      <SelectFilter name="field" label="Field" options={DIFFERENCE_FIELDS} value={filter.field} allLabel="All fields" />
      <SelectFilter
        name="kind"
        label="Kind"
        options={DIFFERENCE_KINDS}
        value={filter.kind}
        allLabel="All kinds"
        optionLabel={(k) => k.replace(/_/g, " ")}
      />
      <SelectFilter name="status" label="Status" options={STATUS_FILTERS} value={filter.status} />
    </UrlFilterForm>
  );
}
