// Secrets points-ops must keep and use again (webhook endpoint secrets Points
// shows only once), sealed with AES-256-GCM. The key is derived from
// AUTH_SECRET with HKDF, so there is no second key to manage; the price is that
// changing AUTH_SECRET makes the sealed values unreadable (see
// docs/runbooks/rotate-webhook-secret.md). `context` is bound as additional
// authenticated data, so a sealed value only opens for the row it was made for.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SecretBoxError extends Error {
  override name = "SecretBoxError";
}

export interface SecretBox {
  seal(plaintext: string, context: string): string;
  /** Throws SecretBoxError when the value was altered, made for another context or sealed under another key. */
  open(sealed: string, context: string): string;
}

export function createSecretBox(authSecret: string | undefined, purpose: string): SecretBox {
  if (!authSecret) throw new SecretBoxError("AUTH_SECRET is not set, so secrets cannot be stored or read");
  const key = Buffer.from(hkdfSync("sha256", authSecret, "points-ops", `points-ops ${purpose}`, 32));
  const b64 = (b: Buffer) => b.toString("base64url");

  return {
    seal(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(context, "utf8"));
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return [VERSION, b64(iv), b64(body), b64(cipher.getAuthTag())].join(".");
    },
    open(sealed, context) {
      const [version, iv, body, tag] = sealed.split(".");
      if (version !== VERSION || iv === undefined || body === undefined || tag === undefined)
        throw new SecretBoxError("not a sealed secret");
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"), {
          authTagLength: TAG_BYTES,
        });
        decipher.setAAD(Buffer.from(context, "utf8"));
        decipher.setAuthTag(Buffer.from(tag, "base64url"));
        return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
      } catch {
        throw new SecretBoxError(
          "the sealed secret does not open: it was altered, belongs elsewhere, or AUTH_SECRET changed",
        );
      }
    },
  };
}
