import fs from "node:fs";
import path from "node:path";
import Database from "../support/sqlite-database";
import { afterAll, beforeAll, expect, test } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { ensurePython2, type Python2 } from "../support/python2";
import { startSshd, type Sshd } from "../support/sshd";
import { tempDir } from "../support/temp-dir";

// A target whose only interpreter is Python 2: a real CPython 2.7 (Debian bullseye's, tests/support/python2.ts).
// The collector must say so — which interpreter, which version, what DeployLens needs — instead of Python 2's
// "Unknown option: -I" or a SyntaxError.

const temp = tempDir("deploylens-faults-python2-");
const databaseFile = path.join(temp.dir, "python2.db");
const appRoot = path.join(temp.dir, "app");
let python2: Python2;
let sshd: Sshd | undefined;
const isRoot = process.getuid?.() === 0;

beforeAll(async () => {
  process.env.DATABASE_URL = `file:${databaseFile}`;
  migrate({ file: databaseFile });
  fs.mkdirSync(appRoot, { recursive: true });
  fs.writeFileSync(path.join(appRoot, "app.py"), "X = 1\n");
  fs.chmodSync(temp.dir, 0o755);
  python2 = await ensurePython2();
  if ("unavailable" in python2)
    console.warn(`faults-python2: SKIPPED, no Python 2 to test with: ${python2.unavailable}`);
});

afterAll(async () => {
  await sshd?.stop();
  temp.remove();
});

/** The real python2.7, or the test is skipped saying why (only when the Debian mirror is unreachable). */
function python2OrSkip(skip: (note: string) => void): string {
  if ("unavailable" in python2) {
    skip(python2.unavailable);
    throw new Error("unreachable");
  }
  return python2.python;
}

const spec = async (python: string | null) => {
  const { defaultSpec } = await import("@/lib/collector/spec");
  return { ...defaultSpec, appRoots: [appRoot], service: null, unitFile: null, python, measureStartup: false };
};

test("the binary under test really is CPython 2.7 and really refuses the collector's -I", async ({ skip }) => {
  const python = python2OrSkip(skip);
  const { spawnSync } = await import("node:child_process");
  const version = spawnSync(python, ["-c", "import sys; print(sys.version.split()[0])"], { encoding: "utf8" });
  expect(version.stdout.trim()).toBe("2.7.18");
  expect(spawnSync(python, ["-I", "-c", "pass"], { encoding: "utf8" }).stderr).toMatch(/Unknown option: -I/);
});

test("over SSH, a host whose only interpreter is Python 2 fails with collector-python-too-old naming it", async ({
  skip,
}) => {
  if (!isRoot) skip("needs root: a mount namespace hides python3 from the sshd and a throwaway account logs in");
  const python = python2OrSkip(skip);
  // Inside sshd's own mount namespace: every python3 on the machine is made non-executable, and the only
  // interpreter left on the login PATH is /usr/local/bin/python, the real Python 2.7.
  const hide = fs
    .readdirSync("/usr/bin")
    .filter((name) => /^python3(\.\d+)?$/.test(name))
    .map((name) => path.join("/usr/bin", name))
    .filter((file) => !fs.lstatSync(file).isSymbolicLink());
  const blank = path.join(temp.dir, "not-python");
  fs.writeFileSync(blank, "", { mode: 0o644 });
  sshd = await startSshd({
    password: true,
    namespace: [
      ...hide.map((file) => `mount --bind ${blank} ${file}`),
      "mount -t tmpfs -o mode=755 tmpfs /usr/local/bin",
      `ln -s ${python} /usr/local/bin/python`,
    ].join("\n"),
  });
  const { createHost } = await import("@/lib/hosts/create-host");
  const { collectHost } = await import("@/lib/jobs/collect-host");
  const host = await createHost({
    transport: "ssh",
    name: "legacy",
    appRoots: [appRoot],
    ssh: { user: sshd.passwordLogin!.user, host: sshd.host, port: sshd.port },
    auth: { method: "key-file", identityFile: sshd.privateKeyPath },
    acceptHostKey: true,
    measureStartup: false,
  });
  const result = await collectHost(host);
  expect(result, sshd.logs()).toMatchObject({ ok: false, code: "collector-python-too-old" });
  expect(result.message).toBe(
    "/usr/local/bin/python is Python 2.7.18; the DeployLens collector needs Python 3.7 or newer on the target",
  );
  const db = new Database(databaseFile, { readonly: true });
  const rows = db.prepare("SELECT status, errorCode, errorMessage FROM Snapshot").all();
  db.close();
  expect(rows).toEqual([{ status: "failed", errorCode: "collector-python-too-old", errorMessage: result.message }]);
});

test("a collector run by a given Python 2 interpreter fails with collector-python-too-old", async ({ skip }) => {
  const python = python2OrSkip(skip);
  const { runCollector } = await import("@/lib/collector/run-collector");
  const { createLocalTransport } = await import("@/lib/transport/local");
  expect(await runCollector(createLocalTransport(), await spec(null), { python })).toEqual({
    ok: false,
    code: "collector-python-too-old",
    message: `${python} is Python 2.7.18; the DeployLens collector needs Python 3.7 or newer on the target`,
  });
});

test("a service whose interpreter is Python 2 is unsupported-python, with its version", async ({ skip }) => {
  const python = python2OrSkip(skip);
  const { runCollector } = await import("@/lib/collector/run-collector");
  const { createLocalTransport } = await import("@/lib/transport/local");
  expect(await runCollector(createLocalTransport(), await spec(python))).toEqual({
    ok: false,
    code: "unsupported-python",
    message: `${python} is Python 2.7.18; only Python 3 has __pycache__`,
  });
});
