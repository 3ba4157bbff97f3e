import fs from "node:fs";
import path from "node:path";
import Database from "../support/sqlite-database";
import { afterAll, beforeAll, expect, test } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { halfCompiledApp, type HalfCompiledApp } from "../support/fixtures/half-compiled-app";
import { startSshd, type Sshd } from "../support/sshd";
import { tempDir } from "../support/temp-dir";

// A target whose /tmp is full (no byte and no inode left). The collector writes nothing, and neither sshd,
// the login shell nor python needs /tmp to run it, so the collection must simply work — with the same
// figures as on a healthy machine. sshd runs in its own mount namespace whose /tmp is a tiny, filled tmpfs;
// this test's own files live under /var/tmp so that the fault is the target's alone.

const isRoot = process.getuid?.() === 0;
const previousTmpdir = process.env.TMPDIR;
const scratch = fs.mkdtempSync("/var/tmp/deploylens-faults-tmp-");
process.env.TMPDIR = scratch;
const temp = tempDir("deploylens-faults-tmp-");
const databaseFile = path.join(temp.dir, "tmp-full.db");
let fixture: HalfCompiledApp | undefined;
let sshd: Sshd | undefined;

const FILL_TMP = [
  "mount -t tmpfs -o size=64k,nr_inodes=32,mode=1777 tmpfs /tmp",
  "dd if=/dev/zero of=/tmp/fill bs=4k 2>/dev/null || true",
  'i=0; while touch "/tmp/f$i" 2>/dev/null; do i=$((i + 1)); done',
].join("\n");

beforeAll(async () => {
  if (!isRoot) return;
  process.env.DATABASE_URL = `file:${databaseFile}`;
  migrate({ file: databaseFile });
  fixture = halfCompiledApp("deploylens-faults-tmp-app-");
  sshd = await startSshd({ namespace: FILL_TMP });
});

afterAll(async () => {
  await sshd?.stop();
  fixture?.remove();
  temp.remove();
  fs.rmSync(scratch, { recursive: true, force: true });
  if (previousTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = previousTmpdir;
});

const snapshotRows = () => {
  const db = new Database(databaseFile, { readonly: true });
  try {
    return db
      .prepare(
        "SELECT h.name, s.status, s.sources, s.fresh, s.stale, s.missing, s.startupClosure FROM Snapshot s JOIN Host h ON h.id = s.hostId ORDER BY h.name",
      )
      .all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
};

test("a target whose /tmp is full still collects, with the same figures as a healthy one", async ({ skip }) => {
  if (!isRoot) skip("needs root: the full /tmp is a tmpfs mounted in sshd's own mount namespace");
  const { createSshTransport } = await import("@/lib/transport/ssh");
  const { readAll } = await import("../support/sshd/read-all");
  const transport = await createSshTransport({
    host: sshd!.host,
    port: sshd!.port,
    username: sshd!.user,
    auth: { type: "key", privateKey: sshd!.privateKey },
    pinnedHostKey: sshd!.hostKeyFingerprint,
    acceptNewHostKey: false,
  });
  try {
    // The fault is real: an SSH session on that target can neither write to /tmp nor create a file there.
    const probe = await transport.exec("head -c 1024 /dev/zero > /tmp/probe; touch /tmp/empty; df -P /tmp", {});
    const [listing, done] = await Promise.all([readAll(probe.stdout).then(String), probe.done]);
    expect(done.stderr).toMatch(/No space left on device[\s\S]*No space left on device/);
    expect(listing).toMatch(/tmpfs\s+64\s+64\s+0\s+100%/);
  } finally {
    await transport.close();
  }

  const { createHost } = await import("@/lib/hosts/create-host");
  const { collectHost } = await import("@/lib/jobs/collect-host");
  const settings = { appRoots: [fixture!.app], python: fixture!.venv.python, measureStartup: true };
  const full = await createHost({
    transport: "ssh",
    name: "full-tmp",
    ...settings,
    ssh: { user: sshd!.user, host: sshd!.host, port: sshd!.port },
    auth: { method: "key-file", identityFile: sshd!.privateKeyPath },
    acceptHostKey: true,
  });
  const healthy = await createHost({ transport: "local", name: "healthy", ...settings });
  const onFull = await collectHost(full);
  expect(onFull, sshd!.logs()).toMatchObject({ ok: true, code: null });
  expect((await collectHost(healthy)).ok).toBe(true);
  const [fullRow, healthyRow] = snapshotRows(); // by host name: full-tmp, healthy
  expect(fullRow).toMatchObject({ status: "ok", sources: 8, fresh: 4, missing: 4 });
  expect({ ...fullRow, name: "" }).toEqual({ ...healthyRow, name: "" });
});
