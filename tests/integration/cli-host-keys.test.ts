import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { runCli } from "../support/run-cli";
import { startSshd, type Sshd } from "../support/sshd";
import { tempDir } from "../support/temp-dir";

const temp = tempDir("deploylens-hostkeys-");
const databaseFile = path.join(temp.dir, "keys.db");
let sshd: Sshd;

beforeAll(async () => {
  sshd = await startSshd();
});
afterAll(async () => {
  await sshd?.stop();
  temp.remove();
});

const addHost = (name: string, extra: string[] = []) =>
  runCli(["hosts", "add", name, "--ssh", `${sshd.user}@127.0.0.1:${sshd.port}`, "--identity", sshd.privateKeyPath, "--app-root", temp.dir, ...extra], { databaseFile });

test("an unknown host key is not trusted silently: the collection fails with its fingerprint until the user pins it", async () => {
  expect((await addHost("fresh")).code).toBe(0);
  const refused = await runCli(["collect", "fresh", "--json"], { databaseFile });
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain("[host-key-unknown]");
  expect(refused.stderr).toContain(sshd.hostKeyFingerprint);
  expect(JSON.parse(refused.stdout)).toMatchObject({ status: "failed", error: { code: "host-key-unknown" } });

  const trusted = await runCli(["hosts", "trust", "fresh", sshd.hostKeyFingerprint], { databaseFile });
  expect(trusted.code, trusted.stderr).toBe(0);
  const collected = await runCli(["collect", "fresh", "--json"], { databaseFile });
  expect(collected.code, collected.stderr).toBe(0);
});

test("--accept-host-key pins the first key; a changed key is then refused showing both fingerprints", async () => {
  expect((await addHost("pinned", ["--accept-host-key"])).code).toBe(0);
  const first = await runCli(["collect", "pinned"], { databaseFile });
  expect(first.code, first.stderr).toBe(0);
  const list = JSON.parse((await runCli(["hosts", "list", "--json"], { databaseFile })).stdout) as { name: string; hostKeySha256: string }[];
  expect(list.find((h) => h.name === "pinned")?.hostKeySha256).toBe(sshd.hostKeyFingerprint);

  const original = sshd.hostKeyFingerprint;
  const replaced = await sshd.restartWithNewHostKey();
  const refused = await runCli(["collect", "pinned"], { databaseFile });
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain("[host-key-changed]");
  expect(refused.stderr).toContain(original);
  expect(refused.stderr).toContain(replaced);
});
