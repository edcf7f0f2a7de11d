// Prisma's schema engine compiled to WebAssembly, driven through
// @prisma/adapter-pg. The CLI's `migrate` commands need a native engine that
// cannot be downloaded everywhere; this path needs nothing but npm packages and
// keeps the standard `_prisma_migrations` table.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine as WasmSchemaEngine } from "@prisma/schema-engine-wasm";
import { repoRoot } from "./paths";
import { createDatabase, dropDatabase, dropStaleDatabases, timestampedName, withDatabase } from "./pg-admin";

export type { WasmSchemaEngine };
type WasmModule = typeof import("@prisma/schema-engine-wasm");

// The engine reports Rust panics through this global; without it a panic
// surfaces as "Cannot read properties of undefined (reading 'set_message')".
let lastPanic: string | undefined;
(globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message: string) {
    lastPanic = message;
  },
};

let loaded: Promise<WasmModule> | undefined;
let generation = 0;

/** Node 20 cannot `import` a .wasm file, so instantiate the bindings by hand. */
function loadWasm(): Promise<WasmModule> {
  return (loaded ??= (async () => {
    const req = createRequire(path.join(repoRoot(), "package.json"));
    const bgPath = req.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    // A fresh module instance after a panic: the old wasm memory is poisoned.
    const bgUrl = pathToFileURL(bgPath).href + (generation ? `?g=${generation}` : "");
    const bg = (await import(/* webpackIgnore: true */ bgUrl)) as WasmModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const bytes = fs.readFileSync(bgPath.replace(/\.js$/, ".wasm"));
    const imports: Record<string, unknown> = { ...bg };
    // The engine arms 10 s timers (e.g. its advisory-lock timeout) and never
    // clears them; unref'd they no longer keep a finished script alive.
    for (const key of Object.keys(imports).filter((k) => k.startsWith("__wbg_setTimeout_"))) {
      imports[key] = (fn: () => void, ms: number) => setTimeout(fn, ms >>> 0).unref();
    }
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": imports as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })());
}

// PostgreSQL's `"char"` (OID 18, e.g. pg_constraint.contype) is not mapped by
// adapter-pg; the engine expects it as a Character column.
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type Queryable = { queryRaw(q: SqlQuery): Promise<SqlResultSet> };
type PgIO = { performIO(q: SqlQuery): Promise<{ fields: { dataTypeID: number }[]; rows: unknown[][] }> };

function patchCharColumns<T extends Queryable>(target: T): T {
  const charColumns = new WeakMap<unknown[][], number[]>();
  const io = target as unknown as PgIO;
  const performIO = io.performIO.bind(target);
  io.performIO = async (q) => {
    const result = await performIO(q);
    const idx = result.fields.flatMap((f, i) => (f.dataTypeID === PG_CHAR_OID ? [i] : []));
    if (idx.length) {
      charColumns.set(result.rows, idx);
      // A type adapter-pg accepts; corrected below.
      for (const i of idx) result.fields[i]!.dataTypeID = PG_TEXT_OID;
    }
    return result;
  };
  const queryRaw = target.queryRaw.bind(target);
  target.queryRaw = async (q) => {
    const result = await queryRaw(q);
    for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  return target;
}

function patchAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  patchCharColumns(adapter);
  const pool = (
    adapter as unknown as { underlyingDriver(): { query(sql: string): Promise<unknown> } }
  ).underlyingDriver();
  // adapter-pg splits scripts on every ";" (breaks on $$ bodies and string
  // literals) and runs the pieces one by one. As one simple-protocol query the
  // script runs whole and atomically, like the native engine does.
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script);
    } catch (e) {
      (adapter as unknown as { onError(e: unknown): never }).onError(e);
    }
  };
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (level) => patchCharColumns(await startTransaction(level));
  let disposed: Promise<void> | undefined;
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = () => (disposed ??= dispose()); // pool.end() throws when called twice
  return adapter;
}

export const SHADOW_PREFIX = "prisma_shadow_";

/**
 * Adapter factory for one database. Shadow databases are created on the same
 * server under a timestamped name (adapter-pg's own connectToShadowDb would
 * connect to the main database when given a URL) and dropped by `close()`.
 */
function adapterFactory(databaseUrl: string) {
  const adapters: SqlDriverAdapter[] = [];
  const shadows: string[] = [];
  const connect = async (url: string) => {
    const adapter = patchAdapter(await new PrismaPg({ connectionString: url }).connect());
    adapters.push(adapter);
    return adapter;
  };
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connect(databaseUrl),
    async connectToShadowDb() {
      const name = timestampedName(SHADOW_PREFIX);
      shadows.push(name);
      await createDatabase(databaseUrl, name);
      return connect(withDatabase(databaseUrl, name));
    },
  };
  const close = async () => {
    await Promise.all(adapters.map((a) => a.dispose().catch(() => {})));
    await Promise.all(shadows.map((name) => dropDatabase(databaseUrl, name).catch(() => {})));
  };
  return { factory, close };
}

/**
 * Runs `fn` with an engine connected to `databaseUrl` and the schema from
 * prisma/schema.prisma, then releases every connection and shadow database.
 */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  fn: (engine: WasmSchemaEngine, schema: { path: string; content: string }) => Promise<T>,
  log?: (line: string) => void,
): Promise<T> {
  const wasm = await loadWasm();
  // Shadow databases of crashed runs.
  await dropStaleDatabases(databaseUrl, SHADOW_PREFIX, 10 * 60_000).catch(() => {});
  const schemaFile = path.join(repoRoot(), "prisma", "schema.prisma");
  const schema = { path: schemaFile, content: fs.readFileSync(schemaFile, "utf8") };
  const { factory, close } = adapterFactory(databaseUrl);
  lastPanic = undefined;
  let engine: WasmSchemaEngine | undefined;
  try {
    engine = await wasm.SchemaEngine.new(
      { datamodels: [[schema.path, schema.content]] },
      (line: string) => log?.(line),
      bindMigrationAwareSqlAdapterFactory(factory),
    );
    return await fn(engine, schema);
  } catch (e) {
    throw engineError(e);
  } finally {
    try {
      engine?.free();
    } catch {
      // freeing after a panic can throw too
    }
    await close();
  }
}

function engineError(e: unknown): unknown {
  if (lastPanic === undefined) return e;
  const message = `schema engine panicked: ${lastPanic}`;
  lastPanic = undefined;
  loaded = undefined;
  generation++;
  return new Error(message, { cause: e });
}
