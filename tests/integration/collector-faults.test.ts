import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "../support/sqlite-database";
import { afterAll, beforeAll, expect, test } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { faultyTransport, type Fault } from "../support/faulty-transport";
import { tempDir } from "../support/temp-dir";
import { testSpec } from "../support/fixtures/collect";

const temp = tempDir("deploylens-faults-");
const databaseFile = path.join(temp.dir, "faults.db");
const appRoot = path.join(temp.dir, "app");
const python = path.join(temp.dir, "venv", "bin", "python3");
afterAll(() => temp.remove());

// lib/db/client reads DATABASE_URL when it is first imported.
beforeAll(() => {
  process.env.DATABASE_URL = `file:${databaseFile}`;
  migrate({ file: databaseFile });
  fs.mkdirSync(path.join(appRoot, "pkg"), { recursive: true });
  for (let i = 0; i < 50; i++) fs.writeFileSync(path.join(appRoot, "pkg", `m${i}.py`), `X = ${i}\n`);
  const env = { ...process.env };
  delete env.PYTHONDONTWRITEBYTECODE;
  execFileSync("python3", ["-m", "venv", "--without-pip", path.join(temp.dir, "venv")], { env });
});

async function collectThrough(fault: Fault | null, options: { python?: string } = {}) {
  const { runCollector } = await import("@/lib/collector/run-collector");
  const { storeSnapshot } = await import("@/lib/jobs/record-snapshot");
  const { createLocalTransport } = await import("@/lib/transport/local");
  const { createHost } = await import("@/lib/hosts/create-host");
  const { findHost } = await import("@/lib/db/queries/hosts");
  const host =
    (await findHost("faulty")) ??
    (await createHost({ transport: "local", name: "faulty", appRoots: [appRoot], python }));
  const real = createLocalTransport();
  const transport = fault ? faultyTransport(real, fault) : real;
  const spec = testSpec({ appRoots: [appRoot], python });
  const outcome = await runCollector(transport, spec, options);
  await storeSnapshot(host.id, outcome, { takenAt: new Date(), durationMs: 1 });
  return outcome;
}

const snapshots = () => {
  const db = new Database(databaseFile, { readonly: true });
  try {
    return db.prepare(`SELECT status, errorCode FROM Snapshot ORDER BY takenAt`).all() as {
      status: string;
      errorCode: string | null;
    }[];
  } finally {
    db.close();
  }
};

test("collector output cut short or corrupted on the way is rejected, and nothing is stored as ok", async () => {
  const cases: [Fault, RegExp][] = [
    [{ kind: "truncate", afterBytes: 0 }, /without a result/],
    [{ kind: "truncate", afterBytes: 200 }, /./],
    [{ kind: "corrupt", fromEnd: 40 }, /./],
    [{ kind: "corrupt", fromEnd: 2 }, /./],
  ];
  for (const [fault, message] of cases) {
    const outcome = await collectThrough(fault);
    expect(outcome.ok, JSON.stringify(fault)).toBe(false);
    if (!outcome.ok) {
      expect(outcome.code, JSON.stringify(fault)).toBe("collector-output-invalid");
      expect(outcome.message).toMatch(message);
    }
  }
  expect(snapshots()).toEqual(cases.map(() => ({ status: "failed", errorCode: "collector-output-invalid" })));
  // The same collection without the fault is fine: the failures came from the damage alone.
  expect((await collectThrough(null)).ok).toBe(true);
  expect(snapshots().at(-1)).toEqual({ status: "ok", errorCode: null });
});

test("a target without the interpreter the collector needs fails with no-python", async () => {
  const outcome = await collectThrough(null, { python: "/nonexistent/bin/python3" });
  expect(outcome).toMatchObject({ ok: false, code: "no-python" });
});
