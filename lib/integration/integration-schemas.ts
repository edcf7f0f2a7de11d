// What admins submit on Settings → Integration. URLs: Points wants public
// HTTPS; plain http stays allowed for the local sandbox double (§2 W2).
import type { MessageResult } from "@/lib/result/action-result";
import { z } from "zod";

const endpointUuid = z.guid("unknown webhook endpoint");
const name = z.string().trim().min(1, "enter a name").max(255, "the name must be at most 255 characters");
const url = z
  .string()
  .trim()
  .pipe(
    z.url({ protocol: /^https?$/, error: "enter an http(s) URL, e.g. https://ops.example.com/api/webhooks/points" }),
  )
  .pipe(z.string().max(500, "the URL must be at most 500 characters"));

export const createEndpointSchema = z.object({ name, url });

export const renameEndpointSchema = z.object({ uuid: endpointUuid, name });
export const changeEndpointUrlSchema = z.object({ uuid: endpointUuid, url });
export const deleteEndpointSchema = z.object({ uuid: endpointUuid });
export const setIntegrationSchema = z.object({ active: z.boolean() });

export type CreateEndpointInput = z.infer<typeof createEndpointSchema>;

/** Every integration use case answers in words a person can act on. */
export type IntegrationResult = MessageResult;
