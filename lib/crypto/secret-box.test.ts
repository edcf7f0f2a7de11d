import { describe, expect, it } from "vitest";
import { createSecretBox, SecretBoxError } from "./secret-box";

const AUTH_SECRET = "a".repeat(40);
const box = createSecretBox(AUTH_SECRET, "webhook endpoint secret");

function flipCharAt(text: string, index: number): string {
  const c = text[index]!;
  return text.slice(0, index) + (c === "A" ? "B" : "A") + text.slice(index + 1);
}

describe("secret box", () => {
  it("opens what it sealed, and never shows the plaintext in the sealed form", () => {
    const sealed = box.seal("whsec_0123456789abcdef", "endpoint-1");
    expect(sealed).not.toContain("whsec_");
    expect(box.open(sealed, "endpoint-1")).toBe("whsec_0123456789abcdef");
  });

  it("seals the same value differently each time (random IV)", () => {
    expect(box.seal("same", "ctx")).not.toBe(box.seal("same", "ctx"));
  });

  it.each([1, 2, 3])("refuses a value altered in part %i (IV, ciphertext, tag)", (part) => {
    const sealed = box.seal("whsec_secret-value", "endpoint-1");
    const parts = sealed.split(".");
    parts[part] = flipCharAt(parts[part]!, 2);
    expect(() => box.open(parts.join("."), "endpoint-1")).toThrow(SecretBoxError);
  });

  it("refuses a value sealed for another context (moved between rows)", () => {
    const sealed = box.seal("whsec_secret-value", "endpoint-1");
    expect(() => box.open(sealed, "endpoint-2")).toThrow(SecretBoxError);
  });

  it("refuses a value sealed under another AUTH_SECRET or for another purpose", () => {
    const sealed = box.seal("whsec_secret-value", "endpoint-1");
    expect(() => createSecretBox("b".repeat(40), "webhook endpoint secret").open(sealed, "endpoint-1")).toThrow(
      /AUTH_SECRET changed/,
    );
    expect(() => createSecretBox(AUTH_SECRET, "something else").open(sealed, "endpoint-1")).toThrow(SecretBoxError);
  });

  it("refuses garbage and needs AUTH_SECRET", () => {
    expect(() => box.open("not-sealed", "x")).toThrow("not a sealed secret");
    expect(() => createSecretBox(undefined, "x")).toThrow(/AUTH_SECRET is not set/);
  });
});
