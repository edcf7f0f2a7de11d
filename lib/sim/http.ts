import type { IncomingMessage, ServerResponse } from "node:http";

export type AppendedData = Record<string, unknown> | unknown[];

/** An expected, documented error answer of the Points API (§6). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly appended: AppendedData = {},
  ) {
    super(message);
  }
}

export interface ApiResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export function ok(data: unknown, message = "", appended: AppendedData = {}): ApiResult {
  return { status: 200, body: { status: true, message, appended_data: appended, data } };
}

// Error bodies follow §6 literally: no `data` key.
export function errorBody(message: string, appended: AppendedData = {}) {
  return { status: false, message, appended_data: appended };
}

export const MAX_BODY_BYTES = 1024 * 1024;

export async function readRawBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, "Request body too large");
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(html),
  });
  res.end(html);
}

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { Location: location, "Content-Length": 0 });
  res.end();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
