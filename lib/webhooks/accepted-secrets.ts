// The X-Webhook-Secret values the receiver accepts: POINTS_WEBHOOK_SECRETS plus
// the secrets of endpoints created through points-ops. A correct delivery never
// waits on the database: the stored secrets are read once per process and kept.
// This process reloads them when it creates or deletes an endpoint; after a
// miss it re-reads them before answering 401, at most once every few seconds
// (counted from the last re-read a miss caused, not from other loads), so an
// endpoint another instance created is accepted on its first delivery, while a
// flood of wrong secrets costs one read per interval.
import { verifyWebhookSecret, type SecretCheck } from "./verify-secret";

export interface AcceptedSecrets {
  /** The list to check now; a promise only until the first load finished. */
  current(): readonly string[] | Promise<readonly string[]>;
  /** After a miss: the list re-read, or null when it was read too recently to try again. */
  reloadAfterMiss(): Promise<readonly string[] | null>;
  /** Re-read now (this process created or deleted an endpoint). */
  reload(): Promise<void>;
}

const RELOAD_AFTER_MISS_MS = 5_000;

export function createAcceptedSecrets(opts: {
  configured: readonly string[];
  loadStored: () => Promise<string[]>;
  onLoadError?: (error: unknown) => void;
  minReloadIntervalMs?: number;
  now?: () => number;
}): AcceptedSecrets {
  const now = opts.now ?? Date.now;
  const interval = opts.minReloadIntervalMs ?? RELOAD_AFTER_MISS_MS;
  let list: readonly string[] | null = null;
  let missReloadAt = -Infinity;
  let loading: Promise<readonly string[]> | null = null;

  const load = () =>
    (loading ??= (async () => {
      try {
        list = [...opts.configured, ...(await opts.loadStored())];
      } catch (error) {
        // The configured secrets still work; the stored ones come back on a later reload.
        opts.onLoadError?.(error);
        list ??= [...opts.configured];
      } finally {
        loading = null;
      }
      return list;
    })());

  return {
    current: () => list ?? load(),
    async reloadAfterMiss() {
      if (loading) return loading;
      if (now() - missReloadAt < interval) return null;
      missReloadAt = now();
      return load();
    },
    async reload() {
      await loading;
      await load();
    },
  };
}

/** Constant-time check over every accepted secret; a miss against a reloadable list is retried once after a reload. */
export async function checkWebhookSecret(
  provided: string | null,
  accepted: readonly string[] | AcceptedSecrets,
): Promise<SecretCheck> {
  if (!("current" in accepted)) return verifyWebhookSecret(provided, accepted);
  const first = verifyWebhookSecret(provided, await accepted.current());
  if (first.ok || first.reason === "missing_secret") return first;
  const reloaded = await accepted.reloadAfterMiss();
  return reloaded ? verifyWebhookSecret(provided, reloaded) : first;
}
