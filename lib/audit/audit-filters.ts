// The audit log's filters as they live in the URL. One schema for the page and
// the CSV export, so a download holds exactly the rows the page shows. No
// Prisma or Node here. An action recorded by an older version can still be
// filtered by typing it into the URL.
import { z } from "zod";
import {
  blankAsAbsent,
  defineListFilter,
  searchField,
  timeField,
  FILTER_SAYS,
  type FilterOf,
  type QueryOf,
} from "@/lib/http/url-query";
import { AUDIT_ACTIONS, AUDIT_PREFIXES } from "./audit-actions";

const ACTION = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/;
const PREFIX = new RegExp(`^(${AUDIT_PREFIXES.join("|")})\\.\\*$`);

/** An action filter: every action under a prefix (`order.*`) or one exact action. */
export type ActionMatch = { prefix: string } | { exact: string };

export function actionMatch(action: string): ActionMatch {
  return PREFIX.test(action) ? { prefix: action.slice(0, -1) } : { exact: action };
}

export type AuditFilter = FilterOf<typeof auditFilters>;
export type AuditQuery = QueryOf<typeof auditFilters>;
export const auditFilters = defineListFilter({
  path: "/audit",
  fields: {
    // part of the actor's email
    actor: searchField(200),
    action: {
      schema: blankAsAbsent(
        z
          .string()
          .trim()
          .max(64, FILTER_SAYS.tooLong)
          .refine((v) => PREFIX.test(v) || ACTION.test(v), {
            message: `must be an action such as auth.sign_in, or one of ${AUDIT_PREFIXES.map((p) => `${p}.*`).join(", ")}`,
            params: { problem: "notAnOption" },
          }),
      ),
      control: {
        kind: "choice",
        all: true,
        groups: [
          { name: "kinds", options: AUDIT_PREFIXES.map((p) => `${p}.*`) },
          { name: "actions", options: AUDIT_ACTIONS },
        ],
      },
    },
    // part of the target, e.g. an email or "webhook_delivery:42"
    target: searchField(200),
    from: timeField(),
    to: timeField(),
  },
});

export const {
  parseFilter: parseAuditFilter,
  parseQuery: parseAuditQuery,
  toParams: auditFilterToParams,
} = auditFilters;
