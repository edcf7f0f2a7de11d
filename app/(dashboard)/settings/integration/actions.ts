"use server";
// Settings → Integration, for admins. The use cases call Points, keep our copy
// in step and audit the change; they own their transactions because a
// transaction must not wait on Points. Points' refusals come back as it said
// them. "layout": the Go-live page reads the same endpoints and switch.
import { staffAction } from "@/lib/auth/safe-action";
import { getConfig } from "@/lib/config/env";
import type { Db } from "@/lib/db/prisma";
import { changeEndpoint } from "@/lib/integration/change-endpoint";
import { createEndpoint } from "@/lib/integration/create-endpoint";
import { deleteEndpoint, forgetStoredSecret } from "@/lib/integration/delete-endpoint";
import type { EndpointDeps } from "@/lib/integration/endpoint-deps";
import {
  changeEndpointUrlSchema,
  createEndpointSchema,
  deleteEndpointSchema,
  renameEndpointSchema,
  setIntegrationSchema,
} from "@/lib/integration/integration-schemas";
import { setIntegrationActive } from "@/lib/integration/integration-switch";
import { getPointsClient } from "@/lib/points/get-points-client";
import { getAcceptedSecrets } from "@/lib/webhooks/get-accepted-secrets";

const common = {
  role: "admin",
  genericMessage:
    "Something went wrong and the change may not have been made. Reload the page to see where things stand.",
  revalidate: [{ path: "/", type: "layout" }],
} as const;

const deps = (db: Db): EndpointDeps => ({
  db,
  client: getPointsClient(),
  authSecret: getConfig().authSecret,
  accepted: getAcceptedSecrets(),
});

// Each answers only {ok, message}: the secret Points returns never leaves the server.
export const createEndpointAction = staffAction(
  { ...common, name: "createEndpointAction", input: createEndpointSchema },
  async ({ db, user, input }) => {
    const result = await createEndpoint(deps(db), user, input);
    return result.ok ? { ok: true, message: result.message } : { ok: false, message: result.message };
  },
);

export const renameEndpointAction = staffAction(
  { ...common, name: "renameEndpointAction", input: renameEndpointSchema },
  ({ db, user, input }) => changeEndpoint(deps(db), user, input),
);

export const changeEndpointUrlAction = staffAction(
  { ...common, name: "changeEndpointUrlAction", input: changeEndpointUrlSchema },
  ({ db, user, input }) => changeEndpoint(deps(db), user, input),
);

export const deleteEndpointAction = staffAction(
  { ...common, name: "deleteEndpointAction", input: deleteEndpointSchema },
  ({ db, user, input }) => deleteEndpoint(deps(db), user, input.uuid),
);

export const forgetStoredSecretAction = staffAction(
  { ...common, name: "forgetStoredSecretAction", input: deleteEndpointSchema },
  ({ db, user, input }) => forgetStoredSecret(deps(db), user, input.uuid),
);

export const setIntegrationActiveAction = staffAction(
  { ...common, name: "setIntegrationActiveAction", input: setIntegrationSchema },
  ({ db, user, input }) => setIntegrationActive(deps(db), user, input.active),
);
