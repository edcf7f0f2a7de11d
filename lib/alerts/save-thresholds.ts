// An admin changes the alert thresholds (/settings/alerts). The form sends
// flat "section.field" names; they are validated as a whole so every bad field
// is reported next to itself, then stored and audited with what changed.
import { recordAudit } from "@/lib/audit/record-audit";
import type { MessageResult } from "@/lib/result/action-result";
import type { StaffUser } from "@/lib/auth/require-user";
import type { Client } from "@/lib/db/prisma";
import {
  defaultThresholds,
  loadThresholds,
  THRESHOLDS_KEY,
  thresholdsSchema,
  type AlertThresholds,
} from "./thresholds";

export type SaveThresholdsResult = MessageResult;

export type ParsedThresholds =
  { ok: true; value: AlertThresholds } | { ok: false; message: string; fieldErrors: Record<string, string> };

export function parseThresholdsForm(fields: Record<string, string>): ParsedThresholds {
  const nested: Record<string, Record<string, string>> = {};
  for (const [name, value] of Object.entries(fields)) {
    const [section, field, ...rest] = name.split(".");
    if (!section || !field || rest.length) continue;
    (nested[section] ??= {})[field] = value;
  }
  // An emptied field would otherwise read as 0 (or fall back to its default without a word).
  const fieldErrors: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) if (value.trim() === "") fieldErrors[name] = "enter a number";
  const parsed = thresholdsSchema.safeParse(nested);
  if (parsed.success && Object.keys(fieldErrors).length === 0) return { ok: true, value: parsed.data };
  for (const issue of parsed.error?.issues ?? []) fieldErrors[issue.path.join(".")] ??= issue.message;
  const count = Object.keys(fieldErrors).length;
  return {
    ok: false,
    message: `Nothing was saved: ${count === 1 ? "one field needs" : `${count} fields need`} a different value.`,
    fieldErrors,
  };
}

/** "section.field" → value, for the form and for the audit diff. */
export function flattenThresholds(t: AlertThresholds): Record<string, number> {
  return Object.fromEntries(
    Object.entries(t).flatMap(([section, fields]) =>
      Object.entries(fields).map(([field, v]) => [`${section}.${field}`, v as number]),
    ),
  );
}

function changes(before: AlertThresholds, after: AlertThresholds) {
  const from = flattenThresholds(before);
  return Object.entries(flattenThresholds(after))
    .filter(([field, to]) => from[field] !== to)
    .map(([field, to]) => ({ field, from: from[field] ?? null, to }));
}

export async function saveThresholds(
  db: Client,
  actor: StaffUser,
  value: AlertThresholds,
): Promise<SaveThresholdsResult> {
  const before = await loadThresholds(db);
  const changed = changes(before, value);
  if (changed.length === 0) return { ok: true, message: "Nothing changed." };
  await db.appSetting.upsert({
    where: { key: THRESHOLDS_KEY },
    create: { key: THRESHOLDS_KEY, value, updatedById: actor.id },
    update: { value, updatedById: actor.id },
  });
  await recordAudit(db, {
    actorId: actor.id,
    action: "settings.alert_thresholds",
    target: THRESHOLDS_KEY,
    detail: { changes: changed },
  });
  return {
    ok: true,
    message: `Saved ${changed.length === 1 ? "one change" : `${changed.length} changes`}; the next evaluation uses them.`,
  };
}

export async function resetThresholds(db: Client, actor: StaffUser): Promise<SaveThresholdsResult> {
  const before = await loadThresholds(db);
  const removed = await db.appSetting.deleteMany({ where: { key: THRESHOLDS_KEY } });
  if (removed.count === 0) return { ok: true, message: "The defaults are already in force." };
  await recordAudit(db, {
    actorId: actor.id,
    action: "settings.alert_thresholds_reset",
    target: THRESHOLDS_KEY,
    detail: { changes: changes(before, defaultThresholds()) },
  });
  return { ok: true, message: "Back to the defaults; the next evaluation uses them." };
}
