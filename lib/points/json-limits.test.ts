// Where jsonProblem says a problem is: the path the sender can find it by.
import { describe, expect, it } from "vitest";
import { jsonProblem } from "./json-limits";

describe("jsonProblem", () => {
  it("accepts a document PostgreSQL can hold", () => {
    expect(jsonProblem({ order: { id: "x", tags: ["a", 1, null, { b: true }] } }, 32)).toBeNull();
  });

  it("names the place of a problem through objects and arrays", () => {
    expect(jsonProblem({ order: { metadata: { tags: ["ok", "a\u0000"] } } }, 32)).toBe(
      "order.metadata.tags[1] contains a NUL character",
    );
    expect(jsonProblem({ grid: [[1, [2, "\ud800"]]] }, 32)).toBe("grid[0][1][1] contains an unpaired UTF-16 surrogate");
    expect(jsonProblem(["\u0000"], 32)).toBe("[0] contains a NUL character");
    expect(jsonProblem("\u0000", 32)).toBe("body contains a NUL character");
    expect(jsonProblem({ rows: [{ total: Infinity }] }, 32)).toBe("rows[0].total is a number too large to hold");
  });

  it("does not quote a key that is not a short word", () => {
    expect(jsonProblem({ "a b": { c: "\u0000" } }, 32)).toBe("<key>.c contains a NUL character");
    expect(jsonProblem({ ["k".repeat(41)]: "\u0000" }, 32)).toBe("<key> contains a NUL character");
  });

  it("names the object that holds a bad key, and the depth past the limit", () => {
    expect(jsonProblem({ order: { metadata: { "k\udc00": 1 } } }, 32)).toBe(
      "a key in order.metadata contains an unpaired UTF-16 surrogate",
    );
    expect(jsonProblem({ a: { b: { c: {} } } }, 3)).toBe("a.b.c is nested more than 3 levels deep");
  });
});
