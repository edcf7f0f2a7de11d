import { getTranslations } from "next-intl/server";
import { Ltr } from "@/components/i18n/ltr";
import { richMessage, type LooseTranslator } from "@/components/i18n/rich-message";
import { Badge, type Tone } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ResultAction } from "@/components/ui/result-dialog";
import { getDisplayFormat } from "@/i18n/display-format";
import type { ChecklistView, ItemView } from "@/lib/go-live/evaluate-checklist";
import { requestPreferences } from "@/i18n/request-preferences";
import { SignOffControls } from "./signoff-controls";

const TONE: Record<ItemView["state"], Tone> = {
  pass: "success",
  fail: "danger",
  signed_off: "success",
  open: "warning",
};

const stateKey = (item: ItemView) =>
  item.state === "open" && item.live?.status === "unknown" ? "unknown" : item.state;

export async function Checklist({
  view,
  actions,
}: {
  view: ChecklistView;
  actions: { signOff: ResultAction; undo: ResultAction } | null;
}) {
  const [t, format, { locale }] = await Promise.all([
    getTranslations("GoLive"),
    getDisplayFormat(),
    requestPreferences(),
  ]);
  const loose = t as unknown as LooseTranslator;
  const code = (chunks: React.ReactNode) => <Ltr>{chunks}</Ltr>;
  return (
    <div className="grid gap-4">
      {view.groups.map((group) => (
        <Card key={group.id}>
          <CardHeader>
            <CardTitle>{t(`groups.${group.id}`)}</CardTitle>
          </CardHeader>
          <CardContent className="p-0">
            <ul className="divide-y">
              {group.items.map((item) => {
                const title = loose.markup(`items.${item.id}.title`, { code: (chunks) => chunks });
                return (
                  <li
                    key={item.id}
                    className="grid gap-1 px-4 py-3 sm:grid-cols-[7rem_1fr_auto]"
                    data-testid="go-live-item"
                    data-item={item.id}
                    data-state={item.state}
                  >
                    <div>
                      <Badge tone={TONE[item.state]}>{t(`states.${stateKey(item)}`)}</Badge>
                    </div>
                    <div className="min-w-0 text-sm">
                      <p className="font-medium text-foreground">{loose.rich(`items.${item.id}.title`, { code })}</p>
                      {item.live && (
                        <p className="break-words text-muted-foreground" data-testid="go-live-why">
                          {richMessage(loose, item.live.why, format, locale)}
                        </p>
                      )}
                      {!item.live && item.hasHint && (
                        <p className="text-muted-foreground">{loose.rich(`items.${item.id}.hint`, { code })}</p>
                      )}
                      {item.signoff && (
                        <p className="text-muted-foreground" data-testid="signoff">
                          {t.rich("signedOff", {
                            by: item.signoff.by ?? t("formerUser"),
                            at: format.dateTime(item.signoff.at),
                            bdi: (chunks) => <bdi>{chunks}</bdi>,
                          })}
                          {item.signoff.note && <span dir="auto">: “{item.signoff.note}”</span>}
                        </p>
                      )}
                    </div>
                    {actions && (item.canSignOff || item.signoff) && (
                      <div className="sm:text-end">
                        <SignOffControls
                          item={{ id: item.id, title }}
                          signedOff={item.signoff !== null}
                          signOff={actions.signOff}
                          undo={actions.undo}
                        />
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          </CardContent>
        </Card>
      ))}
    </div>
  );
}
