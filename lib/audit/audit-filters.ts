// The audit log's filters as they live in the URL. One schema for the page and
// the CSV export, so a download holds exactly the rows the page shows. No
// Prisma or Node here. An action recorded by an older version can still be
// filtered by typing it into the URL.
import { z } from "zod";
import {
  blankAsAbsent as optional,
  filterInstant,
  filterText,
  newestFirstPosition,
  paramsFrom,
  parseUrlQuery,
  timeRange,
} from "@/lib/http/url-query";
import { AUDIT_PREFIXES } from "./audit-actions";

const ACTION = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/;
const PREFIX = new RegExp(`^(${AUDIT_PREFIXES.join("|")})\\.\\*$`);

/** An action filter: every action under a prefix (`order.*`) or one exact action. */
export type ActionMatch = { prefix: string } | { exact: string };

export function actionMatch(action: string): ActionMatch {
  return PREFIX.test(action) ? { prefix: action.slice(0, -1) } : { exact: action };
}

const filterShape = {
  // part of the actor's email
  actor: optional(filterText(200)),
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
  target: optional(filterText(200)),
  from: optional(filterInstant),
  to: optional(filterInstant),
};

export const auditFilterSchema = z.object(filterShape).refine(...timeRange);
export const auditQuerySchema = z.object({ ...filterShape, ...newestFirstPosition }).refine(...timeRange);

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
