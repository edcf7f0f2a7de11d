// Child process for the lifecycle tests: ensurePostgres on the given data dir,
// print {"owned", "serverUrl", "pid"} as one JSON line, then either exit
// ("once", after pg.stop()), or stop and leave with exit code 3 by letting the
// event loop drain ("exit-code"), or wait for a signal ("hold": SIGTERM runs pg.stop()).
import { ensurePostgres, stopOnSignals } from "../embedded-postgres";

const [dataDir, port, mode] = process.argv.slice(2);

ensurePostgres({ dataDir, port: Number(port) }).then(
  async (pg) => {
    console.log(JSON.stringify({ owned: pg.owned, serverUrl: pg.serverUrl, pid: process.pid }));
    if (mode === "hold") {
      stopOnSignals(pg);
      setInterval(() => {}, 60_000);
      return;
    }
    await pg.stop();
    if (mode === "exit-code") process.exitCode = 3;
    else process.exit(0);
  },
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
