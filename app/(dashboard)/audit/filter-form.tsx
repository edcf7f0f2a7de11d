"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { ACTION_PREFIXES, KNOWN_ACTIONS, type AuditFilter } from "@/lib/audit/audit-filters";
import { toLocalTime } from "@/lib/webhooks/delivery-filters";

const FIELDS = ["actor", "action", "target", "from", "to"] as const;

/** Filters live in the URL only: applying one navigates, so the view can be shared and exported as shown. */
export function FilterForm({ filter }: { filter: AuditFilter }) {
  const router = useRouter();
  const offered: readonly string[] = [...ACTION_PREFIXES.map((p) => `${p}.*`), ...KNOWN_ACTIONS];

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const params = new URLSearchParams();
    for (const name of FIELDS) {
      const value = String(form.get(name) ?? "").trim();
      if (value) params.set(name, value);
    }
    // A new filter starts from the newest page.
    router.push(params.size ? `/audit?${params}` : "/audit");
  }

  return (
    <form onSubmit={apply} role="search" aria-label="Filter the audit log" className="mb-4 flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-1">
        <Label htmlFor="filter-actor">Actor email</Label>
        <Input id="filter-actor" name="actor" type="search" defaultValue={filter.actor ?? ""} placeholder="part of an email" className="w-52" />
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="filter-action">Action</Label>
        <Select id="filter-action" name="action" defaultValue={filter.action ?? ""}>
          <option value="">All actions</option>
          <optgroup label="Every action of a kind">
            {ACTION_PREFIXES.map((p) => (
              <option key={p} value={`${p}.*`}>
                {p}.*
              </option>
            ))}
          </optgroup>
          <optgroup label="One action">
            {KNOWN_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
            {/* an action typed into the URL that the list does not know yet */}
            {filter.action && !offered.includes(filter.action) && <option value={filter.action}>{filter.action}</option>}
          </optgroup>
        </Select>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="filter-target">Target</Label>
        <Input id="filter-target" name="target" type="search" defaultValue={filter.target ?? ""} placeholder="email, order, delivery…" className="w-52" />
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="filter-from">From (Riyadh)</Label>
        <Input id="filter-from" name="from" type="datetime-local" step={1} defaultValue={filter.from ? toLocalTime(filter.from) : ""} />
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="filter-to">to</Label>
        <Input id="filter-to" name="to" type="datetime-local" step={1} defaultValue={filter.to ? toLocalTime(filter.to) : ""} />
      </div>
      <Button type="submit">Apply</Button>
      <Link href="/audit" className={buttonClasses({ variant: "ghost" })}>
        Clear
      </Link>
    </form>
  );
}
