import type { IncomingMessage } from "node:http";
import type { ApiResult } from "./http";
import type { SimState } from "./state";

export interface ApiContext {
  state: SimState;
  req: IncomingMessage;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

export type Handler = (ctx: ApiContext) => ApiResult | Promise<ApiResult>;

export interface Route {
  methods: string[];
  regex: RegExp;
  keys: string[];
  handler: Handler;
}

/** `pattern` uses `:name` segments, e.g. `/orders/:uuid/refund`. */
export function route(methods: string | string[], pattern: string, handler: Handler): Route {
  const keys: string[] = [];
  const source = pattern.replace(/:([a-zA-Z_]+)/g, (_, key: string) => {
    keys.push(key);
    return "([^/]+)";
  });
  return { methods: ([] as string[]).concat(methods), regex: new RegExp(`^${source}/?$`), keys, handler };
}

export type Match = { route: Route; params: Record<string, string> } | { methodNotAllowed: true } | null;

export function matchRoute(routes: Route[], method: string, path: string): Match {
  let pathMatched = false;
  for (const r of routes) {
    const m = r.regex.exec(path);
    if (!m) continue;
    pathMatched = true;
    if (!r.methods.includes(method)) continue;
    const params: Record<string, string> = {};
    r.keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1] ?? "")));
    return { route: r, params };
  }
  return pathMatched ? { methodNotAllowed: true } : null;
}
