"use server";
// Settings → Integration. Each action: the admin role first, then the
// validated input, then the use case, which calls Points, keeps our copy in
// step and audits the change. Points' refusals come back as it said them.
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { StaffUser } from "@/lib/auth/require-user";
import { validatedAction } from "@/lib/auth/safe-action";
import { getConfig } from "@/lib/config/env";
import { getDb } from "@/lib/db/prisma";
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
  type IntegrationResult,
} from "@/lib/integration/integration-schemas";
import { setIntegrationActive } from "@/lib/integration/integration-switch";
import { getPointsClient } from "@/lib/points/get-points-client";
import { getAcceptedSecrets } from "@/lib/webhooks/get-accepted-secrets";

const GENERIC_ERROR =
  "Something went wrong and the change may not have been made. Reload the page to see where things stand.";

const deps = (): EndpointDeps => ({
  db: getDb(),
  client: getPointsClient(),
  authSecret: getConfig().authSecret,
  accepted: getAcceptedSecrets(),
});

async function asAdmin<S extends z.ZodType>(
  name: string,
  schema: S,
  input: unknown,
  run: (admin: StaffUser, data: z.infer<S>) => Promise<IntegrationResult>,
): Promise<IntegrationResult> {
  const result = await validatedAction(name, "admin", GENERIC_ERROR, schema, input, run);
  // "layout": the Go-live page reads the same endpoints and switch.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

// Each returns only {ok, message}: the secret Points returns never leaves the server.
export async function createEndpointAction(input: unknown): Promise<IntegrationResult> {
  return asAdmin("createEndpointAction", createEndpointSchema, input, async (admin, data) => {
    const { ok, message } = await createEndpoint(deps(), admin, data);
    return { ok, message };
  });
}

export async function renameEndpointAction(input: unknown): Promise<IntegrationResult> {
  return asAdmin("renameEndpointAction", renameEndpointSchema, input, (admin, data) =>
    changeEndpoint(deps(), admin, data),
  );
}

export async function changeEndpointUrlAction(input: unknown): Promise<IntegrationResult> {
  return asAdmin("changeEndpointUrlAction", changeEndpointUrlSchema, input, (admin, data) =>
    changeEndpoint(deps(), admin, data),
  );
}

export async function deleteEndpointAction(input: unknown): Promise<IntegrationResult> {
  return asAdmin("deleteEndpointAction", deleteEndpointSchema, input, (admin, data) =>
    deleteEndpoint(deps(), admin, data.uuid),
  );
}

export async function forgetStoredSecretAction(input: unknown): Promise<IntegrationResult> {
  return asAdmin("forgetStoredSecretAction", deleteEndpointSchema, input, (admin, data) =>
    forgetStoredSecret(deps(), admin, data.uuid),
  );
}

export async function setIntegrationActiveAction(input: unknown): Promise<IntegrationResult> {
  return asAdmin("setIntegrationActiveAction", setIntegrationSchema, input, (admin, data) =>
    setIntegrationActive(deps(), admin, data.active),
  );
}
