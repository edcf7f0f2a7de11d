import { afterEach, describe, expect, it } from "vitest";
import {
  CLIENT_ADDRESS_HEADER,
  clientAddress,
  forwardedClientAddress,
  markClientAddressHeaderTrusted,
} from "./client-address";

const none = new Set<string>();
const proxy = new Set(["10.0.0.5"]);

describe("forwardedClientAddress", () => {
  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(forwardedClientAddress("203.0.113.7", "198.51.100.1", none)).toBe("203.0.113.7");
    expect(forwardedClientAddress("::ffff:127.0.0.1", "198.51.100.1", none)).toBe("127.0.0.1");
  });

  it("takes the address the trusted proxy appended, not what the client wrote before it", () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the real peer.
    expect(forwardedClientAddress("10.0.0.5", "1.2.3.4, 198.51.100.9", proxy)).toBe("198.51.100.9");
    expect(forwardedClientAddress("10.0.0.5", ["1.2.3.4", "198.51.100.9"], proxy)).toBe("198.51.100.9");
  });

  it("walks past chained trusted proxies and stops at the first untrusted hop", () => {
    const chain = new Set(["10.0.0.5", "10.0.0.6"]);
    expect(forwardedClientAddress("10.0.0.5", "1.2.3.4, 198.51.100.9, 10.0.0.6", chain)).toBe("198.51.100.9");
  });

  it("keeps the proxy's own address when it forwarded nothing", () => {
    expect(forwardedClientAddress("10.0.0.5", undefined, proxy)).toBe("10.0.0.5");
  });
});

describe("clientAddress", () => {
  const headers = (h: Record<string, string>) => new Headers(h);
  const flags = globalThis as unknown as Record<symbol, boolean | undefined>;
  afterEach(() => delete flags[Symbol.for("points-ops.client-address-from-server")]);

  it("never believes a client's X-Forwarded-For or X-Real-IP off Vercel", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "1.2.3.4", "x-real-ip": "1.2.3.4" }), false)).toBeNull();
  });

  it("believes the address header only once our own server writes it", () => {
    const h = headers({ [CLIENT_ADDRESS_HEADER]: "198.51.100.9" });
    expect(clientAddress(h, false)).toBeNull();
    markClientAddressHeaderTrusted();
    expect(clientAddress(h, false)).toBe("198.51.100.9");
  });

  it("on Vercel reads Vercel's own header, not X-Forwarded-For", () => {
    const h = headers({ "x-forwarded-for": "1.2.3.4", "x-vercel-forwarded-for": "198.51.100.9" });
    expect(clientAddress(h, true)).toBe("198.51.100.9");
    expect(clientAddress(headers({ "x-real-ip": "198.51.100.10" }), true)).toBe("198.51.100.10");
  });
});
