import type { z } from "zod";
import { ApiError } from "./http";

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

function describe(field: string, issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.code === "custom") return issue.message;
  if (issue.code === "invalid_type" && valueAt(input, issue.path) === undefined) {
    return `The ${field} field is required.`;
  }
  return `The ${field} field is invalid: ${issue.message}`;
}

/**
 * 422 with Laravel-like messages. The per-field object in
 * `appended_data.errors` is an ASSUMPTION (points-api.md §8.18).
 */
export function validate<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const input = body === undefined ? {} : body;
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const errors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join(".") || "body";
    const field = key.replace(/[._]/g, " ");
    (errors[key] ??= []).push(describe(field, issue, input));
  }
  const first = Object.values(errors)[0]?.[0] ?? "The given data was invalid.";
  throw new ApiError(422, first, { errors });
}
