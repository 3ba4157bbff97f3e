import { expect, test } from "vitest";
import { diagnose } from "@/lib/analysis/diagnostics";
import type { Finding } from "@/lib/analysis/types";
import { healthy, textOf } from "./helpers";

/** One tree where each directory is blocked for a different reason. */
const mixed = () =>
  healthy("app")
    .service({ protectSystem: "strict", readWritePaths: ["/srv/app/uploads"] })
    .dir("sandboxed", {
      access: { writable: false, cause: "protect-system", reason: "read-only under ProtectSystem=strict" },
    })
    .source("sandboxed/a.py", "missing")
    .dir("vendor", { owner: "root" })
    .source("vendor/b.py", "missing")
    .dir("leftover", { pycache: { owner: "root" } })
    .source("leftover/c.py", "stale");

const bytecodeDirsIn = (f: Finding | undefined) =>
  f?.evidence.find((e) => e.label.startsWith("Bytecode directories"))?.value ?? "";

test("each blocked directory is reported by exactly one rule", () => {
  const findings = diagnose(mixed().snapshot());
  const byId = (id: string) => findings.find((f) => f.id === id);
  expect(bytecodeDirsIn(byId("read-only-sandbox"))).toBe("/srv/app/sandboxed/__pycache__");
  expect(bytecodeDirsIn(byId("pycache-not-writable"))).toBe("/srv/app/vendor/__pycache__");
  expect(bytecodeDirsIn(byId("pycache-owned-by-other-user"))).toBe("/srv/app/leftover/__pycache__");
  expect(byId("stale-bytecode")).toBeUndefined(); // leftover/c.py is counted by its blocking rule
});

test("with bytecode writing disabled, only bytecode-writing-disabled speaks for blocked directories", () => {
  const ids = diagnose(
    mixed().interpreter({ dontWriteBytecode: true }).env("PYTHONDONTWRITEBYTECODE", "1").snapshot(),
  ).map((f) => f.id);
  expect(ids).toContain("bytecode-writing-disabled");
  for (const id of ["read-only-sandbox", "pycache-not-writable", "pycache-owned-by-other-user"])
    expect(ids).not.toContain(id);
});

test("an unwritable prefix is the prefix rule's, not pycache-not-writable's", () => {
  const ids = diagnose(
    healthy().prefix("/var/cache/app/pyc", { owner: "root" }).source("new.py", "missing").snapshot(),
  ).map((f) => f.id);
  expect(ids).toEqual(["pycache-prefix-not-writable"]);
});

test("an unlistable directory is source-dir-unreadable's, not a writability finding", () => {
  const ids = diagnose(
    healthy()
      .dir("private", { owner: "root", mode: 0o700, readable: false })
      .source("private/x.py", "missing")
      .snapshot(),
  ).map((f) => f.id);
  expect(ids).toEqual(["source-dir-unreadable"]);
});

test("the sandbox fix keeps the cache out of the code tree and names the unit", () => {
  const finding = diagnose(mixed().snapshot()).find((f) => f.id === "read-only-sandbox")!;
  const text = textOf(finding);
  expect(text).toContain("ProtectSystem=strict");
  expect(finding.fix[0]?.code).toContain("CacheDirectory=app");
  expect(text).toContain("ReadWritePaths=/srv/app");
});
