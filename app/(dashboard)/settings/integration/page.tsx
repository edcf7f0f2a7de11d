import type { Metadata } from "next";
import { headers } from "next/headers";
import {
  EndpointRowActions,
  CreateEndpointDialog,
  ForgetSecretButton,
  IntegrationSwitchButton,
} from "@/components/integration/endpoint-dialogs";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/require-user";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/prisma";
import { formatDateTime } from "@/lib/format";
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

export const metadata: Metadata = { title: "Integration" };

const time = (iso: string | null) =>
  iso ? <time dateTime={iso}>{formatDateTime(iso)}</time> : <span className="text-muted-foreground">—</span>;

export default async function IntegrationPage() {
  await requireUser("admin");
  const config = getConfig();
  const db = getDb();
  const [list, integration] = await Promise.all([
    listEndpoints({ db, client: getPointsClient() }),
    readIntegrationSwitch(db),
  ]);
  const defaultUrl = receiverUrlOf(config.appUrl ?? requestOrigin(await headers()));

  return (
    <>
      <PageHeader
        title="Integration"
        description="The webhook endpoints Points delivers to, and the switch that turns our Points integration off in an incident."
        actions={<CreateEndpointDialog create={createEndpointAction} defaultUrl={defaultUrl} />}
      />

      <Card className="mb-5">
        <CardHeader>
          <CardTitle>Webhook endpoints at Points</CardTitle>
          <CardDescription>
            The receiver accepts the {config.webhookSecrets.length} secret(s) in POINTS_WEBHOOK_SECRETS and the stored
            secret of every endpoint registered here. Endpoints created in Points Business show as “not stored here”:
            their secret must be in POINTS_WEBHOOK_SECRETS.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {!list.ok ? (
            <ErrorState
              title="Points could not list the endpoints"
              message={`${list.message}. If the integration is switched off below, Points refuses every call but the switch itself.`}
            />
          ) : list.endpoints.length === 0 ? (
            <EmptyState
              title="No webhook endpoints at Points"
              description="Without one, Points sends no webhooks: register this app's receiver."
            />
          ) : (
            <Table label="Webhook endpoints at Points" stickyHeader={false}>
              <THead>
                <Tr>
                  <Th>Name</Th>
                  <Th>URL</Th>
                  <Th>Created (Riyadh)</Th>
                  <Th>Secret</Th>
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                </Tr>
              </THead>
              <TBody>
                {list.endpoints.map((e) => (
                  <Tr key={e.uuid} data-testid="endpoint-row">
                    <Td userText>{e.name}</Td>
                    <Td className="break-all font-mono text-xs">{e.url}</Td>
                    <Td className="whitespace-nowrap">{time(e.createdAt)}</Td>
                    <Td>
                      {e.secretStored ? (
                        <Badge tone="success">Stored</Badge>
                      ) : (
                        <Badge title="Created outside points-ops: its secret must be in POINTS_WEBHOOK_SECRETS">
                          Not stored here
                        </Badge>
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
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
          {list.ok && list.mayHaveMore && (
            <p className="mt-2 text-sm text-muted-foreground">
              Showing the first {ENDPOINT_PAGE} endpoints Points returned.
            </p>
          )}
          {list.storedOnly.length > 0 && (
            <div className="mt-4">
              <h3 className="mb-2 text-sm font-semibold">
                {list.ok ? "Stored secrets of endpoints Points no longer lists" : "Endpoint secrets stored here"}
              </h3>
              <ul className="divide-y rounded-lg border">
                {list.storedOnly.map((s) => (
                  <li
                    key={s.uuid}
                    className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm"
                    data-testid="stored-secret-row"
                  >
                    <span>
                      <span dir="auto">{s.name}</span>{" "}
                      <span className="break-all font-mono text-xs text-muted-foreground">{s.url}</span>
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
          <CardTitle>Integration switch</CardTitle>
          <CardDescription>
            Turns integration_active off on our API key at Points (POST /integration/status): Points then refuses our
            calls until it is switched on again. Points has no call to read the flag, so this shows the last state set
            here.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm" data-testid="integration-state">
            {integration ? (
              <>
                {integration.active ? <Badge tone="success">On</Badge> : <Badge tone="danger">Off</Badge>} switched{" "}
                {integration.active ? "on" : "off"} {time(integration.at.toISOString())}
                {integration.by && <> by {integration.by.name}</>}
              </>
            ) : (
              <>
                <Badge>Not switched here</Badge>{" "}
                <span className="text-muted-foreground">Points starts with the integration on.</span>
              </>
            )}
          </p>
          <IntegrationSwitchButton active={integration?.active ?? null} setActive={setIntegrationActiveAction} />
        </CardContent>
      </Card>
    </>
  );
}
