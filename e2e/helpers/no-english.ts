// "No English in ar": walks the visible text of a page shown in Arabic and
// fails on any text that is an English catalogue message (and not also an
// Arabic one), or, inside the translated parts, any Latin word at all.
// Identifiers are exempt: whatever sits in <bdi>, <code>, [dir=ltr],
// [data-identifier], [translate=no] or [lang=en] (a language's own name).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

type Tree = { [key: string]: string | Tree };
// Read, not imported: Playwright's loader would want an import attribute for JSON.
function catalogue(locale: string): Tree {
  const folder = path.join(import.meta.dirname, "../../messages", locale);
  const files = readdirSync(folder).filter((name) => name.endsWith(".json"));
  return Object.fromEntries(
    files.map((name) => [name.slice(0, -5), JSON.parse(readFileSync(path.join(folder, name), "utf8")) as Tree]),
  );
}
const en = catalogue("en");
const ar = catalogue("ar");

/** The literal text of every message: the parts between ICU arguments and tags, of 3 letters or more. */
function literals(tree: Tree, out = new Set<string>()): Set<string> {
  for (const value of Object.values(tree)) {
    if (typeof value !== "string") literals(value, out);
    else
      for (const part of value.split(/\{[^{}]*\}|<\/?\w+>|[{}]|\b(?:plural|zero|one|two|few|many|other|=\d+)\b/))
        if ((part.match(/\p{L}/gu)?.length ?? 0) >= 3) out.add(part.trim().replace(/^[,.:;]\s*|\s*[,.:;]$/g, ""));
  }
  return out;
}

const english = [...literals(en)].filter((text) => !literals(ar).has(text) && /[A-Za-z]{3}/.test(text));

const EXEMPT =
  "bdi, code, kbd, script, style, [dir=ltr], [data-identifier], [translate=no], [lang=en], [aria-hidden=true]";

export interface EnglishFinding {
  text: string;
  reason: "catalogue" | "latin";
}

/**
 * Every English text node under `scope` (default: the whole body). `strict`
 * also flags Latin words that are in no catalogue, for the parts already
 * translated; pages not yet translated are checked against the catalogue only.
 */
export async function findEnglish(
  page: Page,
  opts: { scope?: string; strict?: boolean } = {},
): Promise<EnglishFinding[]> {
  const texts = await page.evaluate(
    ({ scope, exempt }) => {
      const root = document.querySelector(scope);
      if (!root) return [];
      const found: string[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        const text = node.textContent?.trim();
        if (!text || !parent || parent.closest(exempt)) continue;
        if (!parent.checkVisibility?.({ checkOpacity: true, checkVisibilityCSS: true }) && !parent.closest(".sr-only"))
          continue;
        found.push(text);
      }
      // Accessible names read to screen-reader users count too.
      for (const el of root.querySelectorAll("[aria-label], [title], [placeholder]"))
        if (!el.closest(exempt))
          for (const attr of ["aria-label", "title", "placeholder"]) {
            const value = el.getAttribute(attr)?.trim();
            if (value) found.push(value);
          }
      return found;
    },
    { scope: opts.scope ?? "body", exempt: EXEMPT },
  );
  const findings: EnglishFinding[] = [];
  for (const text of texts) {
    if (english.some((message) => text === message || (message.length >= 12 && text.includes(message))))
      findings.push({ text, reason: "catalogue" });
    // Acronyms (CSV, SAR) are not English; e-mail addresses and URLs are identifiers.
    else if (opts.strict && /\b[A-Za-z]*[a-z][A-Za-z]*\b/.test(text.replace(/\S+@\S+|https?:\/\/\S+/g, "")))
      findings.push({ text, reason: "latin" });
  }
  return findings;
}

export async function expectNoEnglish(page: Page, opts: { scope?: string; strict?: boolean } = {}) {
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  expect(await findEnglish(page, opts), `English text on ${page.url()}`).toEqual([]);
}
