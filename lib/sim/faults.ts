/**
 * Fault injection for the API (never part of real Points). A rule matches an
 * API call by method and by a regex on the path below /api/v1; `count` limits
 * how many calls it hits (default 1 for a status, unlimited for a pure delay
 * or a `rate`); `rate` hits only that share of the matching calls, at random
 * (a load profile: "2 % of reads answer 429"); `retryAfter` sends that header.
 */
export interface FaultRule {
  id: number;
  status: number | null;
  delayMs: number;
  remaining: number;
  pathPattern: string | null;
  method: string | null;
  /** "after": the action really happens, then the answer is replaced (lost-response tests). */
  phase: "before" | "after";
  message: string | null;
  /** Share of matching calls hit, 0–1 (1: every one). */
  rate: number;
  /** Seconds, sent as Retry-After with the status. */
  retryAfter: number | null;
}

export type FaultInput = Partial<Omit<FaultRule, "id" | "remaining">> & {
  count?: number | null;
  paths?: string | null;
};

const DEFAULT_MESSAGES: Record<number, string> = {
  429: "Too Many Attempts. The merchant is locked by another request, retry shortly.",
  500: "Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
};

export class FaultInjector {
  private rules: FaultRule[] = [];
  private nextId = 1;

  list(): FaultRule[] {
    return this.rules;
  }

  add(input: FaultInput): FaultRule {
    const status = input.status ?? null;
    const pattern = input.paths ?? input.pathPattern ?? null;
    if (pattern !== null) new RegExp(pattern); // throws early on a bad regex
    const rule: FaultRule = {
      id: this.nextId++,
      status,
      delayMs: input.delayMs ?? 0,
      remaining: input.count ?? (status === null || input.rate != null ? Number.POSITIVE_INFINITY : 1),
      pathPattern: pattern,
      method: input.method?.toUpperCase() ?? null,
      phase: input.phase ?? "before",
      message: input.message ?? null,
      rate: input.rate ?? 1,
      retryAfter: input.retryAfter ?? null,
    };
    this.rules.push(rule);
    return rule;
  }

  reset(): void {
    this.rules = [];
  }

  /** Consumes and returns every rule that applies to this call. */
  take(method: string, apiPath: string, random: () => number = Math.random): FaultRule[] {
    const hits: FaultRule[] = [];
    for (const rule of this.rules) {
      if (rule.remaining <= 0) continue;
      if (rule.method && rule.method !== method) continue;
      if (rule.pathPattern && !new RegExp(rule.pathPattern).test(apiPath)) continue;
      if (rule.rate < 1 && random() >= rule.rate) continue;
      rule.remaining--;
      hits.push(rule);
    }
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return hits;
  }
}

export function faultMessage(rule: FaultRule): string {
  return rule.message ?? DEFAULT_MESSAGES[rule.status ?? 500] ?? "Simulated fault";
}

export function toJsonRule(rule: FaultRule) {
  return { ...rule, remaining: Number.isFinite(rule.remaining) ? rule.remaining : null };
}
