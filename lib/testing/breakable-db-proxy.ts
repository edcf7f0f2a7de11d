// A TCP proxy in front of PostgreSQL whose connections can be broken the way an
// instance that was frozen finds its kept connections on waking (a Vercel
// function suspended between invocations, a laptop's sleep): the server's end is
// long gone, and the client learns it only when it next sends a statement.
import net from "node:net";
import type pg from "pg";

export type BreakHow = "reset" | "close";

export interface BreakableDbProxy {
  /** `databaseUrl` with its host and port pointing at the proxy. */
  url: string;
  /** Ends every connection open now on the server's side; each client is answered with `how` when it next writes. */
  breakConnections(how: BreakHow): void;
  close(): Promise<void>;
}

interface Pair {
  client: net.Socket;
  server: net.Socket;
}

export async function startBreakableDbProxy(databaseUrl: string): Promise<BreakableDbProxy> {
  const target = new URL(databaseUrl);
  const pairs = new Set<Pair>();
  const proxy = net.createServer((client) => {
    const server = net.connect(Number(target.port || 5432), target.hostname);
    const pair = { client, server };
    pairs.add(pair);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      server.destroy();
    };
    for (const socket of [client, server]) socket.on("error", drop).on("close", drop);
    client.pipe(server);
    server.pipe(client);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String((proxy.address() as net.AddressInfo).port);

  return {
    url: url.toString(),
    breakConnections(how) {
      for (const pair of [...pairs]) {
        pairs.delete(pair);
        const { client, server } = pair;
        client.unpipe(server);
        server.unpipe(client);
        server.removeAllListeners("close");
        server.destroy();
        client.removeAllListeners("close");
        client.once("data", () => (how === "reset" ? client.resetAndDestroy() : client.end()));
        client.resume();
      }
    },
    async close() {
      for (const { client, server } of pairs) {
        client.destroy();
        server.destroy();
      }
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}

/** Opens `count` connections of `pool` at once, so that it holds them all idle afterwards; answers their backends. */
export async function openConnections(pool: pg.Pool, count: number): Promise<number[]> {
  const opened = await Promise.all(
    Array.from({ length: count }, () =>
      pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid, pg_sleep(0.05)::text"),
    ),
  );
  return opened.map((r) => r.rows[0]!.pid);
}
