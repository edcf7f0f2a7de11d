import { readdirSync } from "node:fs";
import path from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { catalogue } from "@/lib/i18n/catalogue";
import { LOCALES } from "@/lib/i18n/locales";

const en = catalogue("en");
const ar = catalogue("ar");

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const enMessages = flatten(en);
const arMessages = flatten(ar);

describe("message catalogues", () => {
  it("hold every namespace file of every language (messages/index.ts lists them)", () => {
    for (const locale of LOCALES) {
      const folder = path.join(import.meta.dirname, "../../messages", locale);
      const files = readdirSync(folder).filter((name) => name.endsWith(".json"));
      expect(Object.keys(catalogue(locale)).sort(), locale).toEqual(files.map((name) => name.slice(0, -5)).sort());
    }
  });

  it("have the same keys in English and Arabic", () => {
    expect([...arMessages.keys()].sort()).toEqual([...enMessages.keys()].sort());
  });

  it("parse as ICU messages in their language", () => {
    for (const [key, message] of enMessages) expect(() => new IntlMessageFormat(message, "en"), key).not.toThrow();
    for (const [key, message] of arMessages) expect(() => new IntlMessageFormat(message, "ar"), key).not.toThrow();
  });

  it("give every Arabic plural all six CLDR forms", () => {
    const plurals = [...arMessages].filter(([, m]) => /, plural,/.test(m) && !/=0 \{\}/.test(m));
    expect(plurals.length).toBeGreaterThan(0);
    for (const [key, message] of plurals)
      for (const form of ["zero", "one", "two", "few", "many", "other"])
        expect(message, `${key} lacks ${form}`).toMatch(new RegExp(`\\b${form} \\{`));
  });

  it("pick the Arabic form the number asks for", () => {
    const message = new IntlMessageFormat(ar.Overview.orders.total, "ar");
    const say = (count: number) => message.format({ count, n: String(count) });
    expect(say(0)).toBe("لا طلبات بعد.");
    expect(say(1)).toBe("طلب واحد إجمالًا.");
    expect(say(2)).toBe("طلبان إجمالًا.");
    expect(say(3)).toBe("3 طلبات إجمالًا.");
    expect(say(11)).toBe("11 طلبًا إجمالًا.");
    expect(say(100)).toBe("100 طلب إجمالًا.");
  });

  it("leave no Arabic message in English or the same as the English one, language names aside", () => {
    const same = [...arMessages].filter(([key, m]) => enMessages.get(key) === m && !key.startsWith("Languages."));
    expect(same).toEqual([]);
  });
});
