// The audit log's filters as they live in the URL. One schema for the page and
// the CSV export, so a download holds exactly the rows the page shows. No
// Prisma or Node here. An action recorded by an older version can still be
// filtered by typing it into the URL.
import { z } from "zod";
import { toInstant } from "@/lib/webhooks/delivery-filters";
import { blankAsAbsent as optional, paramsFrom, parseUrlQuery } from "@/lib/http/url-query";
import { decodeTimeIdCursor, encodeTimeIdCursor, TIME_ID_CURSOR } from "@/lib/db/keyset-page";
import { AUDIT_PREFIXES } from "./audit-actions";

const ACTION = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/;
const PREFIX = new RegExp(`^(${AUDIT_PREFIXES.join("|")})\\.\\*$`);
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** An action filter: every action under a prefix (`order.*`) or one exact action. */
export type ActionMatch = { prefix: string } | { exact: string };

export function actionMatch(action: string): ActionMatch {
  return PREFIX.test(action) ? { prefix: action.slice(0, -1) } : { exact: action };
}

const isoWithOffset = z.iso.datetime({ offset: true });
const instant = z
  .string()
  .refine(
    (v) => (LOCAL_TIME.test(v) || isoWithOffset.safeParse(v).success) && !Number.isNaN(toInstant(v).getTime()),
    "must be a date and time",
  );

const filterShape = {
  // part of the actor's email
  actor: optional(z.string().trim().max(200, "is too long")),
  action: optional(
    z
      .string()
      .trim()
      .max(64, "is too long")
      .refine(
        (v) => PREFIX.test(v) || ACTION.test(v),
        `must be an action such as auth.sign_in, or one of ${AUDIT_PREFIXES.map((p) => `${p}.*`).join(", ")}`,
      ),
  ),
  // part of the target, e.g. an email or "webhook_delivery:42"
  target: optional(z.string().trim().max(200, "is too long")),
  from: optional(instant),
  to: optional(instant),
};
const cursor = optional(z.string().regex(TIME_ID_CURSOR, "is not a page position"));

const rangeIsOrdered = (f: { from?: string; to?: string }) => !f.from || !f.to || toInstant(f.from) <= toInstant(f.to);
const rangeIssue = { path: ["to"], message: "must not be before from" };

export const auditFilterSchema = z.object(filterShape).refine(rangeIsOrdered, rangeIssue);
export const auditQuerySchema = z
  .object({ ...filterShape, older: cursor, newer: cursor })
  .refine(rangeIsOrdered, rangeIssue);

export type AuditFilter = z.infer<typeof auditFilterSchema>;
export type AuditQuery = z.infer<typeof auditQuerySchema>;

const FILTER_KEYS = ["actor", "action", "target", "from", "to"] as const;
const QUERY_KEYS = [...FILTER_KEYS, "older", "newer"] as const;

export const parseAuditFilter = (params: URLSearchParams) => parseUrlQuery(auditFilterSchema, FILTER_KEYS, params);
export const parseAuditQuery = (params: URLSearchParams) => parseUrlQuery(auditQuerySchema, QUERY_KEYS, params);

/** The filter as URL params, in a fixed order and without empty fields. */
export function auditFilterToParams(filter: AuditFilter): URLSearchParams {
  return paramsFrom(filter, FILTER_KEYS);
}

export interface AuditPosition {
  createdAt: Date;
  id: bigint;
}

export function encodeAuditCursor(row: { createdAt: Date | string; id: bigint | string }): string {
  return encodeTimeIdCursor(row.createdAt, row.id);
}

export function decodeAuditCursor(value: string): AuditPosition {
  const { at, id } = decodeTimeIdCursor(value);
  return { createdAt: at, id };
}
