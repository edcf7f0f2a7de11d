import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { Ltr } from "@/components/i18n/ltr";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { DeliveryStatusBadge } from "@/components/webhooks/delivery-status-badge";
import { requireUser } from "@/lib/auth/require-user";
import { getDb } from "@/lib/db/prisma";
import { getDisplayFormat } from "@/i18n/display-format";
import { getDelivery } from "@/lib/webhooks/get-delivery";
import { AttemptsTable, HeadersTable } from "../delivery-detail-tables";
import { ReplayButton } from "../replay-button";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getTranslations("Delivery"))("metaTitle", { id: (await params).id }) };
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className="mt-0.5 break-all text-sm text-foreground">{children}</dd>
    </div>
  );
}

const PROBLEM_LEADS = ["rejected", "unsupported", "failed", "dead"] as const;

export default async function DeliveryPage({ params }: Props) {
  await requireUser("ops");
  const { id } = await params;
  if (!/^\d{1,19}$/.test(id)) notFound();
  const d = await getDelivery(getDb(), BigInt(id));
  if (!d) notFound();

  const [t, tWebhooks, format] = await Promise.all([
    getTranslations("Delivery"),
    getTranslations("Webhooks"),
    getDisplayFormat(),
  ]);
  const when = (value: Date | null) => (value ? format.dateTime(value) : "—");
  const ltr = { id: (chunks: ReactNode) => <Ltr>{chunks}</Ltr> };
  const problem = d.rejectReason ?? d.lastError;
  return (
    <>
      <PageHeader
        title={t("title", { id })}
        description={
          !d.event
            ? t("rejected")
            : d.orderNumber
              ? t.rich("forOrder", { ...ltr, event: d.event, order: d.orderNumber })
              : t.rich("forUnknownOrder", { ...ltr, event: d.event })
        }
        actions={
          <>
            <Link href="/webhooks" className={buttonClasses({ variant: "ghost" })}>
              <ArrowLeft aria-hidden className="size-4 rtl:-scale-x-100" />
              {t("back")}
            </Link>
            {d.replayBlockedBecause ? (
              <p className="max-w-xs text-sm text-muted-foreground" data-testid="replay-blocked">
                {tWebhooks(`blocked.${d.replayBlockedBecause}`)}
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
              <Field label={t("fields.status")}>
                <DeliveryStatusBadge status={d.status} duplicateCount={d.duplicateCount} />
              </Field>
              <Field label={t("fields.order")}>
                {d.pointsOrderUuid ? (
                  <Link href={`/orders/${d.pointsOrderUuid}`} className="font-mono text-xs text-accent underline">
                    <Ltr>{d.orderNumber ?? d.pointsOrderUuid}</Ltr>
                  </Link>
                ) : (
                  "—"
                )}
              </Field>
              <Field label={t("fields.uuid")}>
                <Ltr className="font-mono text-xs">{d.pointsOrderUuid ?? "—"}</Ltr>
              </Field>
              <Field label={t("fields.pointsUpdatedAt")}>{when(d.pointsUpdatedAt)}</Field>
              <Field label={t("fields.received")}>{when(d.receivedAt)}</Field>
              <Field label={t("fields.storedIn")}>
                {d.ackLatencyMs === null
                  ? "—"
                  : tWebhooks("ms", { n: format.number(Number(d.ackLatencyMs.toFixed(1))) })}
              </Field>
              <Field label={t("fields.attempts")}>{format.number(d.attempts)}</Field>
              <Field label={t("fields.processed")}>{when(d.processedAt)}</Field>
              <Field label={t("fields.nextAttempt")}>{when(d.nextAttemptAt)}</Field>
              <Field label={t("fields.lastDuplicate")}>{when(d.lastDuplicateAt)}</Field>
              <Field label={t("fields.sourceAddress")}>
                <Ltr className="font-mono text-xs">{d.sourceAddress ?? "—"}</Ltr>
              </Field>
              <Field label={t("fields.dedupeKey")}>
                <Ltr className="font-mono text-xs">{d.dedupeKey ?? "—"}</Ltr>
              </Field>
            </dl>
          </CardContent>
        </Card>

        {problem && (
          <Card className="border-danger/40" data-testid="delivery-error">
            <CardHeader>
              <CardTitle>{d.rejectReason ? t("whyRejected") : t("lastError")}</CardTitle>
            </CardHeader>
            <CardContent>
              <p className="text-sm" data-testid="delivery-error-lead">
                {t(`problemLead.${PROBLEM_LEADS.find((k) => k === d.status) ?? "other"}`)}
              </p>
              {/* What the envelope check or the database said, as stored: a diagnostic record, not our sentence. */}
              <p className="mt-1 whitespace-pre-wrap font-mono text-xs text-danger-fg" dir="ltr" lang="en">
                {problem}
              </p>
            </CardContent>
          </Card>
        )}

        <Card>
          <CardHeader>
            <CardTitle>{d.body.json ? t("body") : t("rawBody")}</CardTitle>
          </CardHeader>
          <CardContent>
            {d.keptBytes !== null && (
              <p className="mb-2 text-sm text-muted-foreground" data-testid="delivery-bytes-note">
                {t.rich("bytesNote", {
                  n: format.number(d.keptBytes),
                  code: (chunks) => <code>{chunks}</code>,
                })}
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
            <CardTitle>{t("headers.title")}</CardTitle>
          </CardHeader>
          <HeadersTable headers={d.headers} />
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t("attempts.title")}</CardTitle>
          </CardHeader>
          <AttemptsTable attempts={d.attemptLog} />
        </Card>
      </div>
    </>
  );
}
