import { Badge, type Tone } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ResultAction } from "@/components/ui/result-dialog";
import { formatDateTime } from "@/lib/format";
import type { ChecklistView, ItemView } from "@/lib/go-live/evaluate-checklist";
import { SignOffControls } from "./signoff-controls";

const LOOK: Record<ItemView["state"], { label: string; tone: Tone }> = {
  pass: { label: "Pass", tone: "success" },
  fail: { label: "Fail", tone: "danger" },
  signed_off: { label: "Signed off", tone: "success" },
  open: { label: "Open", tone: "warning" },
};

function stateLabel(item: ItemView): string {
  if (item.state === "open" && item.live?.status === "unknown") return "Unknown";
  return LOOK[item.state].label;
}

export function Checklist({
  view,
  actions,
}: {
  view: ChecklistView;
  actions: { signOff: ResultAction; undo: ResultAction } | null;
}) {
  return (
    <div className="grid gap-4">
      {view.groups.map((group) => (
        <Card key={group.id}>
          <CardHeader>
            <CardTitle>{group.label}</CardTitle>
          </CardHeader>
          <CardContent className="p-0">
            <ul className="divide-y">
              {group.items.map((item) => (
                <li
                  key={item.id}
                  className="grid gap-1 px-4 py-3 sm:grid-cols-[7rem_1fr_auto]"
                  data-testid="go-live-item"
                  data-item={item.id}
                  data-state={item.state}
                >
                  <div>
                    <Badge tone={LOOK[item.state].tone}>{stateLabel(item)}</Badge>
                  </div>
                  <div className="min-w-0 text-sm">
                    <p className="font-medium text-foreground">{item.title}</p>
                    {item.live && <p className="text-muted-foreground">{item.live.why}</p>}
                    {!item.live && item.hint && <p className="text-muted-foreground">{item.hint}</p>}
                    {item.signoff && (
                      <p className="text-muted-foreground" data-testid="signoff">
                        Signed off by {item.signoff.by ?? "a former user"} on{" "}
                        <time dateTime={item.signoff.at}>{formatDateTime(item.signoff.at)}</time>
                        {item.signoff.note && <span dir="auto">: “{item.signoff.note}”</span>}
                      </p>
                    )}
                  </div>
                  {actions && (item.canSignOff || item.signoff) && (
                    <div className="sm:text-right">
                      <SignOffControls
                        item={item}
                        signedOff={item.signoff !== null}
                        signOff={actions.signOff}
                        undo={actions.undo}
                      />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      ))}
    </div>
  );
}
