import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { Checklist } from "@/components/go-live/checklist";
import { SmokePanel } from "@/components/go-live/smoke-panel";
import { PageHeader } from "@/components/ui/page-header";
import { getDisplayFormat } from "@/i18n/display-format";
import { requireUser } from "@/lib/auth/require-user";
import { hasRole } from "@/lib/auth/roles";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/prisma";
import { evaluateChecklist } from "@/lib/go-live/evaluate-checklist";
import { gatherFacts } from "@/lib/go-live/gather-facts";
import { readSignoffs } from "@/lib/go-live/sign-off";
import { requestOrigin } from "@/lib/http/request-origin";
import { latestSmokeRun } from "@/lib/smoke/read-smoke-runs";
import { signOffAction, undoSignOffAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("GoLive"))("metaTitle") };
}
// A smoke run started here runs in this function after the answer (after()).
export const maxDuration = 300;

export default async function GoLivePage() {
  const user = await requireUser("ops");
  const config = getConfig();
  const db = getDb();
  const appUrl = config.appUrl
    ? { url: config.appUrl, fromEnv: true }
    : { url: requestOrigin(await headers()), fromEnv: false };
  const [facts, signoffs, smoke, t, format] = await Promise.all([
    gatherFacts(db, config, appUrl),
    readSignoffs(db),
    latestSmokeRun(db),
    getTranslations("GoLive"),
    getDisplayFormat(),
  ]);
  const view = evaluateChecklist(facts, signoffs);
  const { pass, signed_off, fail, open } = view.summary;

  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          <span data-testid="go-live-summary">
            {t("summary", {
              env: t(`env.${config.pointsEnv}`),
              done: format.number(pass + signed_off),
              fail: format.number(fail),
              open: format.number(open),
            })}
          </span>
        }
      />
      <SmokePanel initial={smoke} />
      <Checklist
        view={view}
        actions={hasRole(user.role, "admin") ? { signOff: signOffAction, undo: undoSignOffAction } : null}
      />
    </>
  );
}
