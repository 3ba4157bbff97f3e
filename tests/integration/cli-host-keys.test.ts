import path from "node:path";
import Database from "../support/sqlite-database";
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
  runCli(
    [
      "hosts",
      "add",
      name,
      "--ssh",
      `${sshd.user}@127.0.0.1:${sshd.port}`,
      "--identity",
      sshd.privateKeyPath,
      "--app-root",
      temp.dir,
      ...extra,
    ],
    { databaseFile },
  );
function pinOf(name: string): string | null {
  const db = new Database(databaseFile, { readonly: true });
  try {
    return (db.prepare(`SELECT hostKeySha256 FROM Host WHERE name = ?`).get(name) as { hostKeySha256: string | null })
      .hostKeySha256;
  } finally {
    db.close();
  }
}
// Each CLI run starts tsx; on a loaded machine a dozen of them take minutes.
const SLOW = 400_000;
/** A well-formed fingerprint no server presented. */
const invented = `SHA256:${"A".repeat(43)}`;

test(
  "an unknown host key is not trusted silently: the failure records it as data, and only that key can be pinned",
  async () => {
    expect((await addHost("fresh")).code).toBe(0);
    const unseen = await runCli(["hosts", "trust", "fresh", sshd.hostKeyFingerprint], { databaseFile });
    expect([unseen.code, unseen.stderr]).toEqual([2, expect.stringContaining("has not seen")]);

    const refused = await runCli(["collect", "fresh", "--json"], { databaseFile });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `deploylens: collect fresh failed [host-key-unknown]: the host key of host ${sshd.user}@127.0.0.1:${sshd.port} ` +
        `is not trusted yet; it presented ${sshd.hostKeyFingerprint}.\n` +
        "Compare it with the server's own (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub), then trust it:\n" +
        `  deploylens hosts trust fresh ${sshd.hostKeyFingerprint}\n`,
    );
    expect(JSON.parse(refused.stdout)).toMatchObject({
      status: "failed",
      error: {
        code: "host-key-unknown",
        details: {
          code: "host-key-unknown",
          endpoint: "target",
          host: "127.0.0.1",
          port: sshd.port,
          fingerprint: sshd.hostKeyFingerprint,
        },
      },
    });

    const other = await runCli(["hosts", "trust", "fresh", invented], { databaseFile });
    expect([other.code, pinOf("fresh")]).toEqual([2, null]);

    const trusted = await runCli(["hosts", "trust", "fresh", sshd.hostKeyFingerprint], { databaseFile });
    expect(trusted.code, trusted.stderr).toBe(0);
    const collected = await runCli(["collect", "fresh", "--json"], { databaseFile });
    expect(collected.code, collected.stderr).toBe(0);
  },
  SLOW,
);

test(
  "--accept-host-key pins the first key; a changed key is refused, and replaced only when the old pin is named",
  async () => {
    expect((await addHost("pinned", ["--accept-host-key"])).code).toBe(0);
    const first = await runCli(["collect", "pinned"], { databaseFile });
    expect(first.code, first.stderr).toBe(0);
    expect(pinOf("pinned")).toBe(sshd.hostKeyFingerprint);

    const original = sshd.hostKeyFingerprint;
    const replaced = await sshd.restartWithNewHostKey();
    const refused = await runCli(["collect", "pinned"], { databaseFile });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("[host-key-changed]");
    expect(refused.stderr).toContain(original);
    expect(refused.stderr).toContain(replaced);
    expect(refused.stderr).toContain(`\n  deploylens hosts trust pinned ${replaced} --replace ${original}\n`);

    const silent = await runCli(["hosts", "trust", "pinned", replaced], { databaseFile });
    expect([silent.code, silent.stderr]).toEqual([2, expect.stringContaining(`replace ${original}`)]);
    const wrongOld = await runCli(["hosts", "trust", "pinned", replaced, "--replace", invented], { databaseFile });
    expect([wrongOld.code, pinOf("pinned")]).toEqual([2, original]);
    const explicit = await runCli(["hosts", "trust", "pinned", replaced, "--replace", original], { databaseFile });
    expect(explicit.code, explicit.stderr).toBe(0);
    expect(pinOf("pinned")).toBe(replaced);
  },
  SLOW,
);
