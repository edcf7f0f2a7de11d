import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import {
  EndpointRowActions,
  CreateEndpointDialog,
  ForgetSecretButton,
  IntegrationSwitchButton,
} from "@/components/integration/endpoint-dialogs";
import { Ltr } from "@/components/i18n/ltr";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/require-user";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/prisma";
import { getDisplayFormat } from "@/i18n/display-format";
import { requestOrigin } from "@/lib/http/request-origin";
import { readIntegrationSwitch } from "@/lib/integration/integration-switch";
import { ENDPOINT_PAGE, listEndpoints } from "@/lib/integration/list-endpoints";
import { getPointsClient } from "@/lib/points/get-points-client";
import { receiverUrlOf } from "@/lib/webhooks/receiver-url";
import {
  changeEndpointUrlAction,
  createEndpointAction,
  deleteEndpointAction,
  forgetStoredSecretAction,
  renameEndpointAction,
  setIntegrationActiveAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Integration"))("metaTitle") };
}

const code = (chunks: ReactNode) => <Ltr>{chunks}</Ltr>;

export default async function IntegrationPage() {
  await requireUser("admin");
  const config = getConfig();
  const db = getDb();
  const [list, integration] = await Promise.all([
    listEndpoints({ db, client: getPointsClient() }),
    readIntegrationSwitch(db),
  ]);
  const defaultUrl = receiverUrlOf(config.appUrl ?? requestOrigin(await headers()));
  const [t, format] = await Promise.all([getTranslations("Integration"), getDisplayFormat()]);
  const time = (iso: string | null) =>
    iso ? <time dateTime={iso}>{format.dateTime(iso)}</time> : <span className="text-muted-foreground">—</span>;

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={<CreateEndpointDialog create={createEndpointAction} defaultUrl={defaultUrl} />}
      />

      <Card className="mb-5">
        <CardHeader>
          <CardTitle>{t("endpointsTitle")}</CardTitle>
          <CardDescription>
            {t.rich("endpointsDescription", { n: format.number(config.webhookSecrets.length), code })}
          </CardDescription>
        </CardHeader>
        <CardContent>
          {!list.ok ? (
            <ErrorState title={t("listFailed")} message={`${list.message} ${t("listFailedHint")}`} />
          ) : list.endpoints.length === 0 ? (
            <EmptyState title={t("noEndpoints")} description={t("noEndpointsHint")} />
          ) : (
            <Table label={t("endpointsTitle")} stickyHeader={false}>
              <THead>
                <tr>
                  <Th>{t("columns.name")}</Th>
                  <Th>{t("columns.url")}</Th>
                  <Th>{t("columns.created")}</Th>
                  <Th>{t("columns.secret")}</Th>
                  <Th>
                    <span className="sr-only">{t("columns.actions")}</span>
                  </Th>
                </tr>
              </THead>
              <TBody>
                {list.endpoints.map((e) => (
                  <tr key={e.uuid} data-testid="endpoint-row">
                    <Td userText>
                      <bdi>{e.name}</bdi>
                    </Td>
                    <Td className="break-all font-mono text-xs">
                      <Ltr>{e.url}</Ltr>
                    </Td>
                    <Td className="whitespace-nowrap">{time(e.createdAt)}</Td>
                    <Td>
                      {e.secretStored ? (
                        <Badge tone="success">{t("stored")}</Badge>
                      ) : (
                        <Badge title={t("notStoredTitle")}>{t("notStored")}</Badge>
                      )}
                    </Td>
                    <Td>
                      <EndpointRowActions
                        endpoint={e}
                        rename={renameEndpointAction}
                        changeUrl={changeEndpointUrlAction}
                        remove={deleteEndpointAction}
                      />
                    </Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          )}
          {list.ok && list.mayHaveMore && (
            <p className="mt-2 text-sm text-muted-foreground">{t("firstPage", { n: format.number(ENDPOINT_PAGE) })}</p>
          )}
          {list.storedOnly.length > 0 && (
            <div className="mt-4">
              <h3 className="mb-2 text-sm font-semibold">{list.ok ? t("storedOnlyGone") : t("storedOnly")}</h3>
              <ul className="divide-y rounded-lg border">
                {list.storedOnly.map((s) => (
                  <li
                    key={s.uuid}
                    className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm"
                    data-testid="stored-secret-row"
                  >
                    <span>
                      <bdi>{s.name}</bdi>{" "}
                      <Ltr className="break-all font-mono text-xs text-muted-foreground">{s.url}</Ltr>
                    </span>
                    {list.ok && <ForgetSecretButton endpoint={s} forget={forgetStoredSecretAction} />}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("switchTitle")}</CardTitle>
          <CardDescription>{t.rich("switchDescription", { code })}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm" data-testid="integration-state">
            {integration ? (
              <>
                {integration.active ? <Badge tone="success">{t("on")}</Badge> : <Badge tone="danger">{t("off")}</Badge>}{" "}
                {t(integration.active ? "switchedOn" : "switchedOff", { at: format.dateTime(integration.at) })}
                {integration.by && (
                  <> {t.rich("by", { name: integration.by.name, bdi: (chunks) => <bdi>{chunks}</bdi> })}</>
                )}
              </>
            ) : (
              <>
                <Badge>{t("notSwitched")}</Badge> <span className="text-muted-foreground">{t("startsOn")}</span>
              </>
            )}
          </p>
          <IntegrationSwitchButton active={integration?.active ?? null} setActive={setIntegrationActiveAction} />
        </CardContent>
      </Card>
    </>
  );
}
