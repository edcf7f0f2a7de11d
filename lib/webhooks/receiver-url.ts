// Where Points must deliver to reach this app (contract.md, POST /api/webhooks/points).
import { WEBHOOK_PATH } from "./node-receiver";

/** `appUrl` is this app's public origin (APP_URL, Vercel's URL or the request's). */
export function receiverUrlOf(appUrl: string): string {
  return `${appUrl.replace(/\/+$/, "")}${WEBHOOK_PATH}`;
}
