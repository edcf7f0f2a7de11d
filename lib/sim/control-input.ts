import type { z } from "zod";
import { ApiError } from "./http";
import type { ApiContext } from "./router";

/** Control-API validation: 400 with the zod issues (not a Points envelope). */
export function input<S extends z.ZodType>(schema: S, ctx: ApiContext): z.output<S> {
  const parsed = schema.safeParse(ctx.body ?? {});
  if (!parsed.success) {
    throw new ApiError(400, parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
  }
  return parsed.data;
}
