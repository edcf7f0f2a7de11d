"use client";

import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { FilterField, TimeRangeFields, UrlFilterForm } from "@/components/ui/url-filter-form";
import { AUDIT_ACTIONS, AUDIT_PREFIXES } from "@/lib/audit/audit-actions";
import type { AuditFilter } from "@/lib/audit/audit-filters";
import { toLocalTime } from "@/lib/time/riyadh";

const FIELDS = ["actor", "action", "target", "from", "to"] as const;

export function FilterForm({ filter }: { filter: AuditFilter }) {
  const offered: readonly string[] = [...AUDIT_PREFIXES.map((p) => `${p}.*`), ...AUDIT_ACTIONS];
  return (
    <UrlFilterForm path="/audit" fields={FIELDS} label="Filter the audit log">
      <FilterField id="filter-actor" label="Actor email">
        <Input
          id="filter-actor"
          name="actor"
          type="search"
          defaultValue={filter.actor ?? ""}
          placeholder="part of an email"
          className="w-52"
        />
      </FilterField>
      <FilterField id="filter-action" label="Action">
        <Select id="filter-action" name="action" defaultValue={filter.action ?? ""}>
          <option value="">All actions</option>
          <optgroup label="Every action of a kind">
            {AUDIT_PREFIXES.map((p) => (
              <option key={p} value={`${p}.*`}>
                {p}.*
              </option>
            ))}
          </optgroup>
          <optgroup label="One action">
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
            {/* an action typed into the URL that the list does not know (one recorded by an older version) */}
            {filter.action && !offered.includes(filter.action) && (
              <option value={filter.action}>{filter.action}</option>
            )}
          </optgroup>
        </Select>
      </FilterField>
      <FilterField id="filter-target" label="Target">
        <Input
          id="filter-target"
          name="target"
          type="search"
          defaultValue={filter.target ?? ""}
          placeholder="email, order, delivery…"
          className="w-52"
        />
      </FilterField>
      <TimeRangeFields
        fromLabel="From (Riyadh)"
        from={filter.from ? toLocalTime(filter.from) : ""}
        to={filter.to ? toLocalTime(filter.to) : ""}
      />
    </UrlFilterForm>
  );
}
