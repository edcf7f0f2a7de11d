// What a JSON document must be for PostgreSQL to hold it and for us to walk it
// safely: no NUL character and no unpaired UTF-16 surrogate in any string or
// key (text and jsonb refuse both), only finite numbers, and a bounded nesting.
// Iterative, so a hostile 100,000-deep document cannot exhaust the stack.
// No Node imports: the envelope schema, which the browser bundle also loads, uses it.

const NUL = "\u0000";
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a string cannot be stored as PostgreSQL text, or null when it can. */
export function textProblem(value: string): string | null {
  if (value.includes(NUL)) return "contains a NUL character";
  if (LONE_SURROGATE.test(value)) return "contains an unpaired UTF-16 surrogate";
  return null;
}

/** The deepest nesting of arrays and objects in `value` (a scalar is 0), counting no further than `stopAt`. */
export function nestingDepth(value: unknown, stopAt = Infinity): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > stopAt) return deepest;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** A node still to look at, and where it is: its path is spelled out only for a problem, not for every node. */
interface Visit {
  node: unknown;
  parent: Visit | null;
  key: string;
  inArray: boolean;
  depth: number;
}

/** Where a node is, as the messages name it: order.metadata.tags[2]; keys that are not short words are <key>. */
function pathOf(visit: Visit): string {
  let path = "";
  for (let at: Visit | null = visit; at?.parent; at = at.parent) {
    // Keys come from the sender: only well-formed, short ones go into the message.
    const step = at.inArray ? `[${at.key}]` : /^[\w-]{1,40}$/.test(at.key) ? at.key : "<key>";
    path = !path || path.startsWith("[") ? `${step}${path}` : `${step}.${path}`;
  }
  return path || "body";
}

/** The first problem in a parsed JSON document (with where it is), or null. */
export function jsonProblem(root: unknown, maxDepth: number): string | null {
  const stack: Visit[] = [{ node: root, parent: null, key: "", inArray: false, depth: 0 }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { node, depth } = visit;
    if (typeof node === "string") {
      const problem = textProblem(node);
      if (problem) return `${pathOf(visit)} ${problem}`;
    } else if (typeof node === "number") {
      if (!Number.isFinite(node)) return `${pathOf(visit)} is a number too large to hold`;
    } else if (node !== null && typeof node === "object") {
      if (depth >= maxDepth) return `${pathOf(visit)} is nested more than ${maxDepth} levels deep`;
      const inArray = Array.isArray(node);
      for (const key of Object.keys(node)) {
        const problem = textProblem(key);
        if (problem) return `a key in ${pathOf(visit)} ${problem}`;
        stack.push({ node: (node as Record<string, unknown>)[key], parent: visit, key, inArray, depth: depth + 1 });
      }
    }
  }
  return null;
}
