// The order page's "Staff actions" card: what staff did to this order, newest
// first, from the same entries as the timeline (lib/timeline/staff-actions.ts).
// A request sent to Points shows where it stands (waiting for a second admin,
// sent, confirmed by webhook); anything else (a heal, an explanation, a fetch)
// shows as done, with its facts.
import { getTranslations } from "next-intl/server";
import { Badge, type Tone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { getDisplayFormat } from "@/i18n/display-format";
import type { StaffUser } from "@/lib/auth/require-user";
import type { IntentStatus } from "@/lib/generated/prisma/enums";
import { requestFacts } from "@/lib/timeline/entry-facts";
import type { StaffActionRow } from "@/lib/timeline/staff-actions";
import type { DecideRefundAction } from "./refund-decision-dialogs";
import { RefundDecisionCell } from "./refund-decision-cell";
import { ActionLabel } from "./timeline-action";
import { ActionFactsText } from "./timeline-facts";

const STATUS_TONE: Record<IntentStatus | "done", Tone> = {
  pending_approval: "info",
  rejected: "neutral",
  sending: "info",
  succeeded: "success",
  failed: "danger",
  unknown: "warning",
  expired: "neutral",
  done: "success",
};

const CONFIRMATION_TONE = { awaiting: "info", overdue: "warning", confirmed: "success" } as const;

export async function IntentList({
  rows,
  viewer,
  decide,
}: {
  rows: StaffActionRow[];
  viewer: StaffUser;
  decide: DecideRefundAction;
}) {
  const [t, format] = await Promise.all([getTranslations("StaffActions"), getDisplayFormat()]);
  if (rows.length === 0) return <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} />;
  const person = (u: { name: string } | null) => (u ? <bdi dir="auto">{u.name}</bdi> : t("deletedUser"));
  const cols = [
    "requested",
    "action",
    "details",
    "status",
    "requestedBy",
    "decidedBy",
    "result",
    "confirmation",
  ] as const;
  return (
    <Table label={t("tableLabel")} stickyHeader={false} data-testid="staff-actions">
      <THead>
        <tr>
          {cols.map((c) => (
            <Th key={c} className="text-start">
              {t(`columns.${c}`)}
            </Th>
          ))}
          <Th className="text-start">
            <span className="sr-only">{t("columns.decision")}</span>
          </Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((row) => {
          if (row.kind === "done") {
            const { entry } = row;
            return (
              <tr key={`done-${entry.id}`} data-testid="intent-row">
                <Td className="whitespace-nowrap text-start text-xs">{format.dateTime(row.at)}</Td>
                <Td className="text-start">
                  <ActionLabel action={entry.action} />
                </Td>
                <Td className="min-w-56 text-start">
                  <ActionFactsText facts={{ ...entry.facts, message: undefined, outcome: undefined }} />
                </Td>
                <Td className="text-start">
                  <Badge tone={STATUS_TONE.done} data-testid="intent-status">
                    {t("status.done")}
                  </Badge>
                </Td>
                <Td className="text-start">{entry.actor ? <bdi dir="auto">{entry.actor}</bdi> : t("deletedUser")}</Td>
                <Td className="text-start">—</Td>
                <Td className="text-start">—</Td>
                <Td className="text-start">—</Td>
                <Td />
              </tr>
            );
          }
          const { intent } = row;
          const facts = requestFacts(intent.kind, intent.params);
          const amountLabel = facts.amount == null ? t("everythingLeft") : format.sar(facts.amount);
          return (
            <tr key={intent.id} data-testid="intent-row">
              <Td className="whitespace-nowrap text-start text-xs">{format.dateTime(intent.createdAt)}</Td>
              <Td className="text-start">{t(`kind.${intent.kind}`)}</Td>
              <Td className="min-w-56 text-start">
                <ActionFactsText facts={facts} />
              </Td>
              <Td className="text-start">
                <Badge tone={STATUS_TONE[intent.status]} data-testid="intent-status">
                  {t(`status.${intent.status}`)}
                </Badge>
              </Td>
              <Td className="text-start">{person(intent.requestedBy)}</Td>
              <Td className="text-start">
                {intent.decidedBy ? person(intent.decidedBy) : "—"}
                {intent.decisionNote && (
                  <bdi dir="auto" className="block text-xs text-muted-foreground">
                    {intent.decisionNote}
                  </bdi>
                )}
              </Td>
              <Td className="max-w-xs text-start text-xs">
                {/* Points' own words when it refused or could not confirm; a success is said by the status */}
                {intent.status === "succeeded" ? (
                  t("sentToPoints")
                ) : intent.resultMessage ? (
                  <bdi dir="auto">{intent.resultMessage}</bdi>
                ) : (
                  "—"
                )}
              </Td>
              <Td className="text-start">
                {intent.confirmation ? (
                  <Badge tone={CONFIRMATION_TONE[intent.confirmation]} data-testid="intent-confirmation">
                    {t(`confirmation.${intent.confirmation}`)}
                  </Badge>
                ) : (
                  "—"
                )}
              </Td>
              <Td className="text-start">
                <RefundDecisionCell request={intent} amountLabel={amountLabel} viewer={viewer} decide={decide} />
              </Td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}
