// A receiver process that notes failures while its database is away and then
// dies without a chance to write them (kill -9): lib/webhooks/receiver-journal.test.ts.
//   tsx lib/testing/note-receiver-failures-then-crash.ts <journal file> <count>
import pg from "pg";
import { keepReceiverFailureJournal, noteReceiverFailure } from "@/lib/webhooks/receiver-failures";

const [file, count] = process.argv.slice(2);
// Nothing listens on port 1: the database is away.
const away = new pg.Pool({ connectionString: "postgres://nobody:x@127.0.0.1:1/none", connectionTimeoutMillis: 500 });
keepReceiverFailureJournal(file!, away);
for (let i = 0; i < Number(count); i++) noteReceiverFailure(away, 503, "store_failed");
process.kill(process.pid, "SIGKILL");
