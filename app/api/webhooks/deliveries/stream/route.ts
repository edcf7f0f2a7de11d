// GET /api/webhooks/deliveries/stream – server-sent events: deliveries matching the filter as they arrive, and status changes of recent ones
import { z } from "zod";
import { getDb } from "@/lib/db/prisma";
import { parseDeliveryFilter } from "@/lib/webhooks/delivery-filters";
import { createDeliveryFeed, type FeedBatch } from "@/lib/webhooks/watch-deliveries";
import { badRequest, withRole } from "@/lib/auth/route-guard";
import { getLogger } from "@/lib/log/logger";

export const dynamic = "force-dynamic";
// Serverless functions must end: the stream closes after LIFETIME_MS and the browser reconnects.
export const maxDuration = 300;

const POLL_MS = 400;
const HEARTBEAT_MS = 15_000;
const LIFETIME_MS = 270_000;
const RECONNECT_MS = 1_000;

export type StreamBatch = Omit<FeedBatch, "lastId">;

const deliveryId = z
  .string()
  .regex(/^\d{1,19}$/)
  .transform(BigInt);

/** The browser's Last-Event-ID (automatic reconnects) wins over `?after=` (first connection) when it is further on. */
function resumePoint(request: Request): bigint | null | "invalid" {
  const values = [request.headers.get("last-event-id"), new URL(request.url).searchParams.get("after")].filter(
    (v) => v,
  );
  let best: bigint | null = null;
  for (const value of values) {
    const parsed = deliveryId.safeParse(value);
    if (!parsed.success) return "invalid";
    if (best === null || parsed.data > best) best = parsed.data;
  }
  return best;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", wake);
      resolve();
    };
    const timer = setTimeout(wake, ms);
    signal.addEventListener("abort", wake);
  });
}

function eventStream(feed: ReturnType<typeof createDeliveryFeed>, signal: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let closed = false;
  return new ReadableStream({
    async start(controller) {
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const endAt = Date.now() + LIFETIME_MS;
      let lastId = "";
      let lastSend = Date.now();
      send(`retry: ${RECONNECT_MS}\n\n`);
      try {
        while (!closed && !signal.aborted && Date.now() < endAt) {
          const { lastId: id, ...batch } = await feed.poll();
          if (batch.rows.length || batch.updates.length || batch.reset || id !== lastId) {
            send(`event: batch\nid: ${id}\ndata: ${JSON.stringify(batch satisfies StreamBatch)}\n\n`);
            lastId = id;
            lastSend = Date.now();
          } else if (Date.now() - lastSend > HEARTBEAT_MS) {
            // Keeps proxies from closing an idle connection.
            send(": keep-alive\n\n");
            lastSend = Date.now();
          }
          await sleep(POLL_MS, signal);
        }
      } catch (error) {
        // The browser reconnects and resumes from the last id it received.
        if (!closed) getLogger().error({ err: error }, "delivery stream stopped");
      } finally {
        if (!closed) {
          closed = true;
          controller.close();
        }
      }
    },
    cancel() {
      closed = true;
    },
  });
}

export const GET = withRole("ops", async (request) => {
  const filter = parseDeliveryFilter(new URL(request.url).searchParams);
  if (!filter.ok) return badRequest(filter.error);
  const after = resumePoint(request);
  if (after === "invalid") return badRequest("after must be a delivery id.");
  const feed = createDeliveryFeed(getDb(), filter.value, after);
  return new Response(eventStream(feed, request.signal), {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: Next's gzip (and most proxies) would otherwise buffer the stream.
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
});
