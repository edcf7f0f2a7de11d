/** Every /api/v1 call received, so e2e tests can assert e.g. "one refund reached Points". */
export interface ApiCall {
  id: number;
  at: string;
  method: string;
  path: string;
  query: Record<string, string>;
  /** Whether an x-api-key header was present (it must not be on the checkout call). */
  api_key_present: boolean;
  body: unknown;
  status: number;
  response: unknown;
  fault: number | null;
  duration_ms: number;
}

export class CallLog {
  private calls: ApiCall[] = [];
  private nextId = 1;

  add(call: Omit<ApiCall, "id">): ApiCall {
    const full = { id: this.nextId++, ...call };
    this.calls.push(full);
    return full;
  }

  list(filter: { method?: string; path?: string } = {}): ApiCall[] {
    const re = filter.path ? new RegExp(filter.path) : null;
    return this.calls.filter(
      (c) => (!filter.method || c.method === filter.method.toUpperCase()) && (!re || re.test(c.path)),
    );
  }

  clear(): void {
    this.calls = [];
    this.nextId = 1;
  }
}
