import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { DeliveryStatusBadge } from "@/components/webhooks/delivery-status-badge";
import { requireUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db/prisma";
import { formatDateTime } from "@/lib/format";
import { getDelivery } from "@/lib/webhooks/get-delivery";
import { AttemptsTable, HeadersTable } from "../delivery-detail-tables";
import { ReplayButton } from "../replay-button";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Delivery ${(await params).id}` };
}

const when = (value: Date | null) => (value ? formatDateTime(value) : "—");

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className="mt-0.5 break-all text-sm text-foreground">{children}</dd>
    </div>
  );
}

export default async function DeliveryPage({ params }: Props) {
  await requireUser("ops");
  const { id } = await params;
  if (!/^\d{1,19}$/.test(id)) notFound();
  const d = await getDelivery(getDb(), BigInt(id));
  if (!d) notFound();

  const problem = d.rejectReason ?? d.lastError;
  return (
    <>
      <PageHeader
        title={`Delivery ${id}`}
        description={
          d.event ? `${d.event} for ${d.orderNumber ?? "an unknown order"}` : "Rejected: not a Points webhook envelope"
        }
        actions={
          <>
            <Link href="/webhooks" className={buttonClasses({ variant: "ghost" })}>
              ← Delivery log
            </Link>
            {d.replayBlockedBecause ? (
              <p className="max-w-xs text-sm text-muted-foreground" data-testid="replay-blocked">
                {d.replayBlockedBecause}
              </p>
            ) : (
              <ReplayButton id={id} size="md" />
            )}
          </>
        }
      />
      <div className="grid gap-5">
        <Card>
          <CardContent>
            <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
              <Field label="Status">
                <DeliveryStatusBadge status={d.status} duplicateCount={d.duplicateCount} />
              </Field>
              <Field label="Order">
                {d.pointsOrderUuid ? (
                  <Link href={`/orders/${d.pointsOrderUuid}`} className="font-mono text-xs text-accent underline">
                    {d.orderNumber ?? d.pointsOrderUuid}
                  </Link>
                ) : (
                  "—"
                )}
              </Field>
              <Field label="Points uuid">
                <span className="font-mono text-xs">{d.pointsOrderUuid ?? "—"}</span>
              </Field>
              <Field label="Points updated_at">{when(d.pointsUpdatedAt)}</Field>
              <Field label="Received">{when(d.receivedAt)}</Field>
              <Field label="Stored in">{d.ackLatencyMs === null ? "—" : `${d.ackLatencyMs.toFixed(1)} ms`}</Field>
              <Field label="Attempts">{d.attempts}</Field>
              <Field label="Processed">{when(d.processedAt)}</Field>
              <Field label="Next attempt">{when(d.nextAttemptAt)}</Field>
              <Field label="Last duplicate">{when(d.lastDuplicateAt)}</Field>
              <Field label="Source address">
                <span className="font-mono text-xs">{d.sourceAddress ?? "—"}</span>
              </Field>
              <Field label="Dedupe key">
                <span className="font-mono text-xs">{d.dedupeKey ?? "—"}</span>
              </Field>
            </dl>
          </CardContent>
        </Card>

        {problem && (
          <Card className="border-danger/40" data-testid="delivery-error">
            <CardHeader>
              <CardTitle>{d.rejectReason ? "Why it was rejected" : "Last processing error"}</CardTitle>
            </CardHeader>
            <CardContent>
              <p className="whitespace-pre-wrap font-mono text-xs text-danger-fg">{problem}</p>
            </CardContent>
          </Card>
        )}

        <Card>
          <CardHeader>
            <CardTitle>{d.body.json ? "Body" : "Raw body (not JSON)"}</CardTitle>
          </CardHeader>
          <CardContent>
            {d.keptBytes !== null && (
              <p className="mb-2 text-sm text-muted-foreground" data-testid="delivery-bytes-note">
                This body is not text PostgreSQL can hold (a NUL byte or invalid UTF-8). It is shown with ␀ for NUL and
                � for invalid bytes; its exact {d.keptBytes.toLocaleString("en")} bytes are kept in the database
                (webhook_deliveries.raw_bytes).
              </p>
            )}
            <pre
              className="max-h-[60vh] overflow-auto rounded-md bg-surface-muted p-3 font-mono text-xs"
              data-testid="delivery-body"
              dir="ltr"
            >
              {d.body.text}
            </pre>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Headers</CardTitle>
          </CardHeader>
          <HeadersTable headers={d.headers} />
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Processing attempts</CardTitle>
          </CardHeader>
          <AttemptsTable attempts={d.attemptLog} />
        </Card>
      </div>
    </>
  );
}
