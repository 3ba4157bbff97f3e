import { describe, expect, it } from "vitest";
import { compareQuery, parseCompareView, replaceView } from "@/lib/compare/view-state";

describe("the compare view in the query string", () => {
  it("reads all=1 and the older fields=all alike, and keeps only known, distinct sections", () => {
    expect(parseCompareView({})).toEqual({ all: false, closed: [] });
    expect(parseCompareView({ all: "1" }).all).toBe(true);
    expect(parseCompareView({ fields: "all" }).all).toBe(true);
    expect(parseCompareView({ closed: "packages,files,<script>,files" }).closed).toEqual(["packages", "files"]);
  });

  it("writes the default view as no query and sections in page order", () => {
    expect(compareQuery({ all: false, closed: [] })).toBe("");
    expect(compareQuery({ all: true, closed: ["packages", "files"] })).toBe("?all=1&closed=files,packages");
  });

  it("replaces the view but keeps the other parameters (left and right on /compare)", () => {
    const closeFiles = (view: { all: boolean; closed: string[] }) => ({ ...view, closed: [...view.closed, "files"] });
    expect(replaceView("?left=a&right=b&fields=all", closeFiles)).toBe("?left=a&right=b&all=1&closed=files");
    expect(replaceView("?closed=files", (view) => ({ ...view, closed: [] }))).toBe("");
  });
});
