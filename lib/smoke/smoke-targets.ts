// Where a smoke run points Points and the shopper: SMOKE_RECEIVER_URL, else
// this app's public URL (APP_URL, Vercel's), else the origin the caller knows
// (the request's for the Go-live button, http://localhost:$PORT for the CLI).
import type { Config } from "@/lib/config/env";
import { receiverUrlOf } from "@/lib/webhooks/receiver-url";

export function smokeTargets(
  config: Pick<Config, "appUrl" | "smoke">,
  fallbackOrigin: string,
): { appUrl: string; receiverUrl: string } {
  const appUrl = config.appUrl ?? fallbackOrigin.replace(/\/+$/, "");
  return { appUrl, receiverUrl: config.smoke.receiverUrl ?? receiverUrlOf(appUrl) };
}

/** What the run talked to, e.g. "sandbox · 127.0.0.1:4010". */
export function smokeEnvironment(config: Pick<Config, "pointsEnv" | "points">): string {
  return `${config.pointsEnv} · ${new URL(config.points.apiBaseUrl).host}`;
}
