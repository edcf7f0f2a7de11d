import { getTranslations } from "next-intl/server";
import { Ltr } from "@/components/i18n/ltr";
import { Badge } from "@/components/ui/badge";
import { CardContent } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { getDisplayFormat } from "@/i18n/display-format";
import type { DeliveryDetail } from "@/lib/webhooks/get-delivery";

const KNOWN_TRIGGERS = new Set(["after", "sweeper", "replay"]);

export async function HeadersTable({ headers }: { headers: DeliveryDetail["headers"] }) {
  const t = await getTranslations("Delivery.headers");
  if (headers.length === 0) return <CardContent className="text-sm text-muted-foreground">{t("none")}</CardContent>;
  return (
    <Table label={t("label")} stickyHeader={false}>
      <THead>
        <tr>
          <Th>{t("name")}</Th>
          <Th>{t("value")}</Th>
        </tr>
      </THead>
      <TBody>
        {headers.map(([name, value]) => (
          <tr key={name}>
            <Td mono>
              <Ltr>{name}</Ltr>
            </Td>
            <Td className="break-all font-mono text-xs">
              <Ltr>{value}</Ltr>
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

export async function AttemptsTable({ attempts }: { attempts: DeliveryDetail["attemptLog"] }) {
  const [t, tWebhooks, format] = await Promise.all([
    getTranslations("Delivery.attempts"),
    getTranslations("Webhooks"),
    getDisplayFormat(),
  ]);
  if (attempts.length === 0) return <CardContent className="text-sm text-muted-foreground">{t("none")}</CardContent>;
  return (
    <Table label={t("label")} stickyHeader={false}>
      <THead>
        <tr>
          <Th>{t("started")}</Th>
          <Th>{t("trigger")}</Th>
          <Th>{t("result")}</Th>
          <Th numeric>{t("duration")}</Th>
          <Th>{t("error")}</Th>
        </tr>
      </THead>
      <TBody>
        {attempts.map((a) => (
          <tr key={a.id.toString()} data-testid="delivery-attempt" data-trigger={a.trigger}>
            <Td className="whitespace-nowrap">{format.dateTime(a.startedAt)}</Td>
            <Td>
              {KNOWN_TRIGGERS.has(a.trigger) ? (
                t(`triggers.${a.trigger as "after" | "sweeper" | "replay"}`)
              ) : (
                <Ltr>{a.trigger}</Ltr>
              )}
            </Td>
            <Td>{a.ok ? <Badge tone="success">{t("ok")}</Badge> : <Badge tone="danger">{t("failed")}</Badge>}</Td>
            <Td numeric className="whitespace-nowrap">
              {tWebhooks("ms", { n: format.number(Number(a.durationMs.toFixed(1))) })}
            </Td>
            <Td className="text-xs">
              {a.error ? (
                <>
                  {t("errorLead")} {/* What the database or the envelope check said, as stored: a diagnostic record. */}
                  <span dir="ltr" lang="en" className="block break-all font-mono">
                    {a.error}
                  </span>
                </>
              ) : (
                "—"
              )}
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
