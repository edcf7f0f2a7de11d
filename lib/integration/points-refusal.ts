// Points' refusals, shown to admins with the HTTP status so that a message like
// "The url has already been taken." is clearly Points' answer, not ours.
import { PointsApiError } from "@/lib/points/errors";

/** The refusal in words, or undefined when `error` is not a Points failure (let it propagate). */
export function pointsRefusal(error: unknown): string | undefined {
  if (!(error instanceof PointsApiError)) return undefined;
  return error.status ? `Points answered HTTP ${error.status}: ${error.message}` : error.message;
}
