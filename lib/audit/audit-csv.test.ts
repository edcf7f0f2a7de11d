import { describe, expect, it } from "vitest";
import { riyadhIso } from "@/lib/time/riyadh";
import { auditCsvHeader, auditCsvFilename, auditCsvLine, csvCell, csvLine } from "./audit-csv";
import type { AuditRow } from "./list-audit-entries";

const row = (overrides: Partial<AuditRow> = {}): AuditRow => ({
  id: "42",
  createdAt: "2026-04-18T07:00:00.123Z",
  actor: { name: "Demo Admin", email: "admin@example.com" },
  action: "auth.sign_in",
  target: "admin@example.com",
  detail: { method: "password" },
  ...overrides,
});

describe("csvCell", () => {
  it("leaves plain text alone and writes null as an empty cell", () => {
    expect(csvCell("auth.sign_in")).toBe("auth.sign_in");
    expect(csvCell("محمد")).toBe("محمد");
    expect(csvCell("")).toBe("");
    expect(csvCell(null)).toBe("");
  });

  it("quotes cells with commas, quotes or line breaks, doubling the quotes", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("two\r\nlines")).toBe('"two\r\nlines"');
    expect(csvCell('{"a":1,"b":"x"}')).toBe('"{""a"":1,""b"":""x""}"');
  });

  it.each(["=1+1", "+1", "-1", "@SUM(A1:A2)", "\t=1", "\rX"])(
    "defuses a cell a spreadsheet would run as a formula: %j",
    (value) => {
      const cell = csvCell(value);
      const unquoted = cell.startsWith('"') ? cell.slice(1, -1) : cell;
      expect(unquoted).toBe(`'${value}`);
    },
  );

  it("defuses and quotes a formula that also needs quoting", () => {
    expect(csvCell('=HYPERLINK("http://evil.example","click")')).toBe(
      '"\'=HYPERLINK(""http://evil.example"",""click"")"',
    );
  });

  it("only looks at the first character", () => {
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("user+tag@example.com")).toBe("user+tag@example.com");
  });
});

describe("CSV lines", () => {
  it("ends every line with CRLF", () => {
    expect(csvLine(["a", null, "b"])).toBe("a,,b\r\n");
    expect(auditCsvHeader("en")).toBe("id,time_riyadh,actor_name,actor_email,action,target,detail\r\n");
    expect(auditCsvHeader("ar")).toBe("المعرّف,الوقت (الرياض),اسم المنفّذ,بريد المنفّذ,الإجراء,الهدف,التفاصيل\r\n");
  });

  it("writes an entry with Riyadh time and compact JSON detail", () => {
    expect(auditCsvLine(row())).toBe(
      '42,2026-04-18T10:00:00.123+03:00,Demo Admin,admin@example.com,auth.sign_in,admin@example.com,"{""method"":""password""}"\r\n',
    );
  });

  it("leaves the actor empty for a failed sign-in of an unknown email, and defuses a typed target", () => {
    const line = auditCsvLine(
      row({ actor: null, action: "auth.sign_in_failed", target: "=cmd|' /C calc'!A0", detail: null }),
    );
    expect(line).toBe("42,2026-04-18T10:00:00.123+03:00,,,auth.sign_in_failed,'=cmd|' /C calc'!A0,\r\n");
  });

  it("defuses detail JSON that is a bare negative number", () => {
    expect(auditCsvLine(row({ detail: -5 }))).toMatch(/,'-5\r\n$/);
  });
});

describe("times and file name", () => {
  it("shows Riyadh wall-clock time with its offset", () => {
    expect(riyadhIso("2026-04-18T22:30:00.000Z")).toBe("2026-04-19T01:30:00.000+03:00");
  });

  it("names the file after the Riyadh date", () => {
    expect(auditCsvFilename(new Date("2026-04-18T22:30:00.000Z"))).toBe("points-ops-audit-2026-04-19.csv");
  });
});
