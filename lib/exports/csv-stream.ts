// A list as a CSV stream, one keyset batch per pull: memory stays flat however
// long the list, a slow client slows the queries down instead of letting rows
// pile up in the server, and a cancelled download stops them.
import { getLogger } from "@/lib/log/logger";
import { BOM, csvLine, type Cell } from "./csv";

export async function openCsvStream<Row>(
  header: readonly string[],
  batches: AsyncGenerator<Row[]>,
  cells: (row: Row) => readonly Cell[],
): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  const lines = (rows: Row[]) => rows.map((row) => csvLine(cells(row))).join("");
  // Read before any byte is sent, so a database outage is a plain 500 rather than a broken download.
  const first = await batches.next();
  let head: string | null = BOM + csvLine(header) + (first.done ? "" : lines(first.value));

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
        getLogger().error({ err: error }, "CSV export failed mid-stream");
        controller.error(new Error("The export failed."));
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}

/** Every row of a keyset-paged list, one page at a time, following each page's next cursor. */
export async function* keysetBatches<Row>(
  readPage: (cursor: string | undefined) => Promise<{ rows: Row[]; nextCursor: string | null }>,
): AsyncGenerator<Row[]> {
  let cursor: string | undefined;
  do {
    const page = await readPage(cursor);
    if (page.rows.length) yield page.rows;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
