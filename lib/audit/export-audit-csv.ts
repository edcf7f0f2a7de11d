// The audit log as a CSV stream, one keyset batch per pull: memory stays flat
// however long the log, a slow client slows the queries down instead of
// letting rows pile up in the server, and a cancelled download stops them.
import type { Db } from "@/lib/db/prisma";
import { getLogger } from "@/lib/log/logger";
import type { Locale } from "@/lib/i18n/locales";
import { auditCsvHeader, auditCsvLine } from "./audit-csv";
import type { AuditFilter } from "./audit-filters";
import { auditEntryBatches, EXPORT_BATCH_SIZE, type AuditRow } from "./list-audit-entries";

// Without a byte order mark Excel reads the file in the local code page and garbles Arabic names.
const BOM = "\uFEFF";

const lines = (rows: AuditRow[]) => rows.map(auditCsvLine).join("");

export async function openAuditCsv(
  db: Db,
  filter: AuditFilter,
  locale: Locale,
  batchSize = EXPORT_BATCH_SIZE,
): Promise<ReadableStream<Uint8Array>> {
  const batches = auditEntryBatches(db, filter, batchSize);
  const encoder = new TextEncoder();
  // Read before any byte is sent, so a database outage is a plain 500 rather than a broken download.
  const first = await batches.next();
  let head: string | null = BOM + auditCsvHeader(locale) + (first.done ? "" : lines(first.value));

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (head !== null) {
        controller.enqueue(encoder.encode(head));
        head = null;
        if (first.done) controller.close();
        return;
      }
      try {
        const next = await batches.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(lines(next.value)));
      } catch (error) {
        // The 200 is already sent: erroring the stream aborts the response, so the
        // browser reports a failed download instead of saving a silently short file.
        getLogger().error({ err: error }, "audit CSV export failed mid-stream");
        controller.error(new Error("The audit export failed."));
      }
    },
  });
}
