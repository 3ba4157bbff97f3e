import path from "node:path";
import Database from "../support/sqlite-database";
import { afterAll, beforeAll, expect, test } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { tempDir } from "../support/temp-dir";

// Failures the user can fix are stored with their own code, never as "internal". None of these needs a
// server: each is found before the first packet, so the address is a closed loopback port.
const temp = tempDir("deploylens-setup-errors-");
const databaseFile = path.join(temp.dir, "errors.db");
const savedKey = process.env.DEPLOYLENS_SECRET_KEY;
const ssh = { user: "deploy", host: "127.0.0.1", port: 9 };

beforeAll(() => {
  process.env.DATABASE_URL = `file:${databaseFile}`;
  migrate({ file: databaseFile });
});
afterAll(() => {
  if (savedKey === undefined) delete process.env.DEPLOYLENS_SECRET_KEY;
  else process.env.DEPLOYLENS_SECRET_KEY = savedKey;
  temp.remove();
});

async function collect(input: Record<string, unknown>) {
  const { createHost } = await import("@/lib/hosts/create-host");
  const { collectHost } = await import("@/lib/jobs/collect-host");
  const host = await createHost({ transport: "ssh", appRoots: ["/srv/app"], ssh, ...input });
  return collectHost(host);
}

test("a missing identity file is identity-file-missing", async () => {
  const missing = path.join(temp.dir, "no-such-key");
  const result = await collect({ name: "missing-key", auth: { method: "key-file", identityFile: missing } });
  expect([result.code, result.message]).toEqual(["identity-file-missing", expect.stringContaining(missing)]);
});

test("a jump identity file that is missing is identity-file-missing too", async () => {
  const result = await collect({
    name: "missing-jump-key",
    auth: { method: "agent" },
    jump: { user: "me", host: "127.0.0.1", port: 9 },
    jumpAuth: { method: "key-file", identityFile: path.join(temp.dir, "no-jump-key") },
  });
  expect(result.code).toBe("identity-file-missing");
});

test("a stored password under another DEPLOYLENS_SECRET_KEY is wrong-key", async () => {
  process.env.DEPLOYLENS_SECRET_KEY = "a".repeat(64);
  const { createHost } = await import("@/lib/hosts/create-host");
  const { collectHost } = await import("@/lib/jobs/collect-host");
  const host = await createHost({
    transport: "ssh",
    name: "rekeyed",
    appRoots: ["/srv/app"],
    ssh,
    auth: { method: "password", password: "pw" },
  });
  process.env.DEPLOYLENS_SECRET_KEY = "b".repeat(64);
  const result = await collectHost(host);
  expect([result.code, result.message]).toEqual(["wrong-key", expect.stringContaining("DEPLOYLENS_SECRET_KEY")]);
});

test("a password host whose stored credential is gone is no-stored-credential", async () => {
  const { createHost } = await import("@/lib/hosts/create-host");
  const { collectHost } = await import("@/lib/jobs/collect-host");
  const host = await createHost({
    transport: "ssh",
    name: "emptied",
    appRoots: ["/srv/app"],
    ssh,
    auth: { method: "password", password: "pw" },
  });
  const db = new Database(databaseFile);
  db.prepare(`UPDATE Host SET secretCipher = NULL WHERE id = ?`).run(host.id);
  db.close();
  const result = await collectHost({ ...host, secretCipher: null });
  expect(result.code).toBe("no-stored-credential");
});
