// The one filter declaration of every list: the bar's labels exist in both
// languages, a filter survives its own URL, defaults stay out of the URL, and
// a saved view's query is the list's own canonical query.
import { describe, expect, it } from "vitest";
import { catalogue } from "@/lib/i18n/catalogue";
import { canonicalQuery, LIST_NAMES, LISTS, listHref } from "./list-registry";

const en = catalogue("en");
const ar = catalogue("ar");

type Tree = { [key: string]: string | Tree };
const lookup = (tree: Tree, path: string) =>
  path
    .split(".")
    .reduce<string | Tree | undefined>((node, key) => (typeof node === "object" ? node[key] : undefined), tree);

describe.each(LIST_NAMES)("the %s list", (list) => {
  const { filters } = LISTS[list];

  it("names its form and every field's label in English and Arabic", () => {
    for (const messages of [en, ar] as unknown as Tree[]) {
      expect(typeof lookup(messages, `Filters.lists.${list}.form`)).toBe("string");
      for (const { name, control } of filters.controls) {
        expect(typeof lookup(messages, `Filters.lists.${list}.fields.${name}.label`), name).toBe("string");
        if (control.kind === "choice")
          for (const group of control.groups)
            if (group.name !== null)
              expect(typeof lookup(messages, `Filters.lists.${list}.fields.${name}.groups.${group.name}`)).toBe(
                "string",
              );
      }
    }
  });

  it("translates every option of a field it translates at all", () => {
    for (const { name, control } of filters.controls) {
      if (control.kind !== "choice") continue;
      const named = lookup(en as unknown as Tree, `Filters.lists.${list}.fields.${name}.options`);
      if (named === undefined) continue;
      for (const group of control.groups)
        for (const option of group.options) expect(typeof (named as Tree)[option], `${name}=${option}`).toBe("string");
    }
  });

  it("reads no filter from an empty query and writes none back", () => {
    const parsed = filters.parseFilter(new URLSearchParams());
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(filters.toParams(parsed.value as Record<string, unknown>).toString()).toBe("");
      expect(filters.isFiltered(parsed.value as Record<string, unknown>)).toBe(false);
    }
    expect(listHref(list, "")).toBe(filters.path);
  });

  it("refuses a field it does not know how to read with the page's wording", () => {
    const choice = filters.controls.find((c) => c.control.kind === "choice")!;
    const parsed = filters.parseFilter(new URLSearchParams({ [choice.name]: "no-such-option" }));
    expect(parsed).toMatchObject({ ok: false, error: expect.stringMatching(`^The filter "${choice.name}" `) });
  });
});

describe("canonicalQuery", () => {
  it("orders the fields, drops blanks, defaults and the page position", () => {
    expect(canonicalQuery("webhooks", "to=&status=failed&older=1_2&q=ORD-1&event=")).toEqual({
      ok: true,
      query: "q=ORD-1&status=failed",
    });
    expect(canonicalQuery("reconciliation", "status=open&kind=mismatch")).toEqual({ ok: true, query: "kind=mismatch" });
    expect(canonicalQuery("orders", "sort=match&q=%23ORD-9&after=x")).toEqual({ ok: true, query: "q=ORD-9" });
    expect(canonicalQuery("orders", "sort=amount_asc")).toEqual({ ok: true, query: "sort=amount_asc" });
  });

  it("refuses a query the list itself would refuse", () => {
    expect(canonicalQuery("audit", "from=yesterday")).toMatchObject({
      ok: false,
      error: 'The filter "from" must be a date and time.',
    });
    expect(canonicalQuery("orders", "min=5&max=1")).toMatchObject({ ok: false });
    expect(canonicalQuery("webhooks", "q=%00")).toMatchObject({ ok: false });
  });

  it("survives its own round trip for every list", () => {
    const samples = {
      orders:
        "q=ORD&status=approved&shipping=none&type=earning&min=1&max=9.5&from=2026-01-01&to=2026-02-01&sort=number_asc",
      webhooks: "q=ORD-1&event=captured&status=duplicate&from=2026-01-01T00:00&to=2026-01-02T00:00",
      reconciliation: "q=ORD-1&field=total_price&kind=mismatch&status=all",
      audit: "actor=admin&action=order.*&target=order:1&from=2026-01-01T00:00&to=2026-01-02T00:00",
    } as const;
    for (const list of LIST_NAMES)
      expect(canonicalQuery(list, samples[list])).toEqual({
        ok: true,
        query: new URLSearchParams(samples[list]).toString(),
      });
  });
});
