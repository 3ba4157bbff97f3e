import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { halfCompiledApp, type HalfCompiledApp } from "../support/fixtures/half-compiled-app";
import { runCli } from "../support/run-cli";
import { startSshd, type Sshd } from "../support/sshd";
import { tempDir } from "../support/temp-dir";

// A target behind bastion2 behind bastion1, from an ssh_config alias whose ProxyJump is a chain: every hop
// is a real sshd, logs in with its own key (no server trusts another hop's key) and has its key pinned.
// On loopback every server is reachable from here, so "only through" is shown by the servers' own logs
// (each bastion asked to open exactly the next hop) and enforced on the bastions by PermitOpen: bastion1
// may only forward to bastion2, bastion2 only to the target.
const temp = tempDir("deploylens-jumpchain-");
const databaseFile = path.join(temp.dir, "chain.db");
const configFile = path.join(temp.dir, "ssh_config");
const cli = (...args: string[]) => runCli(args, { databaseFile });
let bastion1: Sshd;
let bastion2: Sshd;
let target: Sshd;
let app: HalfCompiledApp;

beforeAll(async () => {
  target = await startSshd();
  // DEBUG1 makes a bastion log each direct-tcpip request: the evidence the traffic went through it.
  bastion2 = await startSshd({ config: ["LogLevel DEBUG1", `PermitOpen 127.0.0.1:${target.port}`] });
  bastion1 = await startSshd({ config: ["LogLevel DEBUG1", `PermitOpen 127.0.0.1:${bastion2.port}`] });
  app = halfCompiledApp();
  // The target names only its next hop; bastion2 names its own (OpenSSH follows a hop's ProxyJump).
  fs.writeFileSync(
    configFile,
    [
      "Host app-behind-two",
      "  HostName 127.0.0.1",
      `  Port ${target.port}`,
      `  IdentityFile ${target.privateKeyPath}`,
      "  ProxyJump bastion2",
      "Host bastion2",
      "  HostName 127.0.0.1",
      `  Port ${bastion2.port}`,
      `  IdentityFile ${bastion2.privateKeyPath}`,
      "  ProxyJump bastion1",
      "Host bastion1",
      "  HostName 127.0.0.1",
      `  Port ${bastion1.port}`,
      `  IdentityFile ${bastion1.privateKeyPath}`,
      "Host *",
      `  User ${target.user}`,
      "",
    ].join("\n"),
  );
}, 180_000);

afterAll(async () => {
  await Promise.all([bastion1?.stop(), bastion2?.stop(), target?.stop()]);
  app?.remove();
  temp.remove();
});

const show = async () => JSON.parse((await cli("hosts", "show", "chain", "--json")).stdout) as Record<string, unknown>;
const directTcpip = async (sshd: Sshd) =>
  [...(await sshd.settledLogs()).matchAll(/server_request_direct_tcpip: .*target 127\.0\.0\.1 port (\d+)/g)].map((m) =>
    Number(m[1]),
  );
const connectionsTo = async (sshd: Sshd) => (await sshd.settledLogs()).split("Connection from").length - 1;

test(
  "a ProxyJump chain of two bastions: collected through both, each hop with its own key, every host key pinned",
  { timeout: 300_000 },
  async () => {
    const added = await cli(
      "hosts",
      "add",
      "chain",
      "--ssh",
      "app-behind-two",
      "--ssh-config",
      configFile,
      "--accept-host-key",
      ...["--app-root", app.app, "--python", app.venv.python, "--no-startup-cost"],
    );
    expect(added.code, added.stderr).toBe(0);
    expect(await show()).toMatchObject({
      target: `${target.user}@127.0.0.1:${target.port}`,
      identityFile: target.privateKeyPath,
      jump: `${target.user}@127.0.0.1:${bastion1.port}`,
      jumpIdentityFile: bastion1.privateKeyPath,
      jumpChain: [
        { jump: `${target.user}@127.0.0.1:${bastion2.port}`, identityFile: bastion2.privateKeyPath, keySha256: null },
      ],
    });

    const collected = await cli("collect", "chain", "--json");
    expect(collected.code, collected.stderr).toBe(0);
    expect(JSON.parse(collected.stdout)).toMatchObject({ status: "ok", coverage: { sources: 8, fresh: 4 } });
    // bastion1 was asked for bastion2 and nothing else, bastion2 for the target and nothing else.
    expect(await directTcpip(bastion1), bastion1.logs()).toEqual([bastion2.port]);
    expect(await directTcpip(bastion2), bastion2.logs()).toEqual([target.port]);
    for (const sshd of [bastion1, bastion2, target]) expect(sshd.logs()).toMatch(/Accepted publickey for /);

    expect(await show()).toMatchObject({
      hostKeySha256: target.hostKeyFingerprint,
      jumpKeySha256: bastion1.hostKeyFingerprint,
      jumpChain: [{ keySha256: bastion2.hostKeyFingerprint }],
    });
  },
);

test(
  "a changed key on the second hop fails naming that hop, and is replaced only with --hop 2 naming the old pin",
  { timeout: 300_000 },
  async () => {
    const original = bastion2.hostKeyFingerprint;
    const replaced = await bastion2.restartWithNewHostKey();
    const targetConnections = await connectionsTo(target);
    const refused = await cli("collect", "chain");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("[host-key-changed]");
    expect(refused.stderr).toContain(`jump host 2 ${target.user}@127.0.0.1:${bastion2.port}`);
    expect(refused.stderr).toContain(`\n  deploylens hosts trust chain ${replaced} --replace ${original} --hop 2\n`);
    // The chain stopped at the refused hop: the target was never contacted.
    expect(await connectionsTo(target)).toBe(targetConnections);
    const wrongHop = await cli("hosts", "trust", "chain", replaced, "--jump", "--replace", original);
    expect(wrongHop.code).toBe(2);
    const trusted = await cli("hosts", "trust", "chain", replaced, "--hop", "2", "--replace", original);
    expect(trusted.code, trusted.stderr).toBe(0);
    expect(await show()).toMatchObject({
      jumpKeySha256: bastion1.hostKeyFingerprint,
      jumpChain: [{ keySha256: replaced }],
    });
    const again = await cli("collect", "chain");
    expect(again.code, again.stderr).toBe(0);
  },
);

test(
  "Test connection on the edit form of a chain host, which shows the first hop only, keeps the further hops and every pin",
  { timeout: 300_000 },
  async () => {
    // lib/db/client reads DATABASE_URL when it is first imported: the CLI's database, with the pins it stored.
    process.env.DATABASE_URL = `file:${databaseFile}`;
    const { testConnection } = await import("@/lib/hosts/test-connection");
    const { id } = (await show()) as { id: string };
    const form = {
      name: "chain",
      transport: "ssh",
      ssh: { user: target.user, host: "127.0.0.1", port: target.port },
      auth: { method: "key-file", identityFile: target.privateKeyPath },
      jump: { user: target.user, host: "127.0.0.1", port: bastion1.port },
      jumpAuth: { method: "key-file", identityFile: bastion1.privateKeyPath },
      appRoots: [app.app],
      python: app.venv.python,
      measureStartup: false,
    };
    const forwardsBefore = (await directTcpip(bastion2)).length;
    const tested = await testConnection({ hostId: id, host: form });
    if (!tested.ok) throw new Error(`${tested.code}: ${tested.message}`);
    expect(tested.keys).toEqual({ target: target.hostKeyFingerprint, jump: bastion1.hostKeyFingerprint });
    expect(tested.probe.roots).toEqual([{ path: app.app, exists: true, readable: true }]);
    // It went through bastion2, whose (replaced) pin it used: no hop was asked to be trusted again.
    expect((await directTcpip(bastion2)).length).toBe(forwardsBefore + 1);
  },
);
