// The domains of lib/ (its folders and top-level modules) form layers: an
// import from one domain into another must not close a cycle between domains.
// import-x/no-cycle sees only cycles between files; this sees the domains.
// The graph is read once per run from the imports of lib's production files.
import fs from "node:fs";
import path from "node:path";

const IMPORT = /(?:^|[\s;])(?:import|export)\b[^"';]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
const SKIP = /\.test\.tsx?$|(^|\/)test-helpers\.ts$/;
const graphs = new Map();

function domainOf(libDir, file) {
  const [first, ...rest] = path.relative(libDir, file).split(path.sep);
  return rest.length ? first : first.replace(/\.tsx?$/, "");
}

function targetOf(root, file, specifier) {
  if (specifier.startsWith("@/lib/")) return path.join(root, specifier.slice(2));
  if (specifier.startsWith(".")) return path.resolve(path.dirname(file), specifier);
  return undefined;
}

function readGraph(root, ignored) {
  const libDir = path.join(root, "lib");
  const edges = new Map();
  const visit = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!ignored.includes(path.relative(libDir, file))) visit(file);
      } else if (/\.tsx?$/.test(entry.name) && !SKIP.test(file)) {
        const from = domainOf(libDir, file);
        for (const m of fs.readFileSync(file, "utf8").matchAll(IMPORT)) {
          const target = targetOf(root, file, m[1] ?? m[2]);
          if (!target?.startsWith(libDir + path.sep)) continue;
          const to = domainOf(libDir, target);
          if (to !== from && !ignored.includes(to)) edges.set(from, new Set(edges.get(from)).add(to));
        }
      }
    }
  };
  visit(libDir);
  return { libDir, edges };
}

function pathBetween(edges, start, goal) {
  const seen = new Map([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const node = queue.shift();
    if (node === goal) {
      const route = [];
      for (let n = goal; n !== null; n = seen.get(n)) route.unshift(n);
      return route;
    }
    for (const next of edges.get(node) ?? []) {
      if (seen.has(next)) continue;
      seen.set(next, node);
      queue.push(next);
    }
  }
  return undefined;
}

export default {
  meta: {
    type: "problem",
    docs: { description: "forbid imports that close a cycle between the domains of lib/" },
    schema: [{ type: "object", properties: { ignore: { type: "array", items: { type: "string" } } } }],
    messages: {
      cycle: "lib/{{from}} → lib/{{to}} closes a cycle between domains: {{route}}. Move the shared part down.",
    },
  },
  create(context) {
    const root = context.cwd;
    const ignored = context.options[0]?.ignore ?? [];
    if (!graphs.has(root)) graphs.set(root, readGraph(root, ignored));
    const { libDir, edges } = graphs.get(root);
    const file = context.filename;
    if (!file.startsWith(libDir + path.sep) || SKIP.test(file)) return {};
    const from = domainOf(libDir, file);
    const check = (node) => {
      const specifier = node.source?.value;
      if (typeof specifier !== "string") return;
      const target = targetOf(root, file, specifier);
      if (!target?.startsWith(libDir + path.sep)) return;
      const to = domainOf(libDir, target);
      if (to === from || ignored.includes(to)) return;
      const back = pathBetween(edges, to, from);
      if (back) context.report({ node, messageId: "cycle", data: { from, to, route: [from, ...back].join(" → ") } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
