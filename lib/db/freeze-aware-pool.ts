// node-postgres closes a pooled connection once it has been idle for the
// pool's idle timeout, by a timer. A process frozen before the timer fires (a
// Vercel function suspended between invocations) wakes with the timer not yet
// run and the connection still in the pool, though the database, a pooler or
// the network may have closed it meanwhile: the next query on it fails. This
// pool applies the idle timeout by the clock as well, when a connection is
// asked for, so such a connection is closed as the timer would have closed
// it, and a live one is handed out instead.
import pg from "pg";

type ConnectCallback = (
  err: Error | undefined,
  client: pg.PoolClient | undefined,
  done: pg.PoolClient["release"],
) => void;

export class FreezeAwarePool extends pg.Pool {
  private readonly idleSince = new WeakMap<pg.PoolClient, number>();
  /** Whether node-postgres closes idle connections here at all: not when its minimum is its size (the receiver's). */
  private readonly closesIdle: boolean;

  constructor(config?: pg.PoolConfig) {
    super(config);
    this.closesIdle = !!this.options.idleTimeoutMillis && (this.options.min ?? 0) < this.options.max;
    if (this.closesIdle)
      this.on("release", (_error: Error | undefined, client: pg.PoolClient) => this.idleSince.set(client, Date.now()));
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    if (!this.closesIdle) return callback ? super.connect(callback) : super.connect();
    const client = this.liveClient();
    if (!callback) return client;
    client.then(
      (c) => callback(undefined, c, c.release),
      (error: Error) => callback(error, undefined, () => {}),
    );
  }

  private async liveClient(): Promise<pg.PoolClient> {
    for (;;) {
      const client = await super.connect();
      const since = this.idleSince.get(client);
      const idleMs = this.options.idleTimeoutMillis;
      // As node-postgres' own timer: only above the pool's minimum, which it keeps however long idle.
      const timedOut =
        since !== undefined && !!idleMs && Date.now() - since > idleMs && this.totalCount > (this.options.min ?? 0);
      if (!timedOut) return client;
      client.release(new Error("idle past the pool's idle timeout while the process was frozen"));
    }
  }
}
