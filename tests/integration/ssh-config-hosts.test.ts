import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { halfCompiledApp, type HalfCompiledApp } from "../support/fixtures/half-compiled-app";
import { runCli } from "../support/run-cli";
import { startSshd, type Sshd } from "../support/sshd";
import { tempDir } from "../support/temp-dir";

const temp = tempDir("deploylens-sshconfig-");
const databaseFile = path.join(temp.dir, "sshconfig.db");
const configFile = path.join(temp.dir, "ssh_config");
const cli = (...args: string[]) => runCli(args, { databaseFile });
let jump: Sshd;
let target: Sshd;
let app: HalfCompiledApp;

beforeAll(async () => {
  // DEBUG1 makes the jump host log each direct-tcpip request: the evidence the traffic went through it.
  [jump, target] = await Promise.all([startSshd({ config: ["LogLevel DEBUG1"] }), startSshd()]);
  // One key for both hops, as DeployLens uses: the target's client key may also log in to the jump host.
  await jump.authorizeKey(fs.readFileSync(`${target.privateKeyPath}.pub`, "utf8"));
  app = halfCompiledApp();
  const included = path.join(temp.dir, "conf.d", "target.conf");
  fs.mkdirSync(path.dirname(included));
  // The target's block lives in an Included file; its key comes from a `Host *` default at the end.
  fs.writeFileSync(
    included,
    `Host app-behind-bastion\n  HostName 127.0.0.1\n  Port ${target.port}\n  ProxyJump bastion\n`,
  );
  fs.writeFileSync(
    configFile,
    [
      `Include ${path.join(temp.dir, "conf.d", "*.conf")}`,
      "Host bastion",
      "  HostName 127.0.0.1",
      `  Port ${jump.port}`,
      "Host chained",
      "  HostName 127.0.0.1",
      "  ProxyJump bastion,bastion",
      "Host loop",
      "  ProxyJump loop",
      "Host *",
      `  User ${target.user}`,
      `  IdentityFile ${target.privateKeyPath}`,
      "",
    ].join("\n"),
  );
}, 180_000);

afterAll(async () => {
  await Promise.all([jump?.stop(), target?.stop()]);
  app?.remove();
  temp.remove();
});

test(
  "an ssh_config alias with Include and ProxyJump is collected through the jump host, both host keys pinned",
  { timeout: 300_000 },
  async () => {
    const added = await cli(
      "hosts",
      "add",
      "behind",
      "--ssh",
      "app-behind-bastion",
      "--ssh-config",
      configFile,
      "--accept-host-key",
      "--app-root",
      app.app,
      "--python",
      app.venv.python,
      "--no-startup-cost",
    );
    expect(added.code, added.stderr).toBe(0);
    const shown = JSON.parse((await cli("hosts", "show", "behind", "--json")).stdout) as Record<string, unknown>;
    expect(shown).toMatchObject({
      target: `${target.user}@127.0.0.1:${target.port}`,
      jump: `${target.user}@127.0.0.1:${jump.port}`,
      authMethod: "key-file",
      identityFile: target.privateKeyPath,
    });
    const collected = await cli("collect", "behind", "--json");
    expect(collected.code, collected.stderr).toBe(0);
    expect(JSON.parse(collected.stdout)).toMatchObject({ status: "ok", coverage: { sources: 8, fresh: 4 } });
    expect(jump.logs()).toMatch(
      new RegExp(`server_request_direct_tcpip: .*target 127\\.0\\.0\\.1 port ${target.port}\\b`),
    );
    const pinned = JSON.parse((await cli("hosts", "show", "behind", "--json")).stdout) as Record<string, unknown>;
    expect(pinned).toMatchObject({ hostKeySha256: target.hostKeyFingerprint, jumpKeySha256: jump.hostKeyFingerprint });
  },
);

test(
  "import-ssh-config lists the aliases with their ProxyJump chains, adds the chosen ones, and refuses a loop clearly",
  { timeout: 300_000 },
  async () => {
    const listed = await cli("hosts", "import-ssh-config", configFile, "--json");
    expect(listed.code, listed.stderr).toBe(0);
    const rows = JSON.parse(listed.stdout) as { alias: string; target: string | null; error: string | null }[];
    expect(rows.map((r) => r.alias)).toEqual(["app-behind-bastion", "bastion", "chained", "loop"]);
    const bastion = `${target.user}@127.0.0.1:${jump.port}`;
    expect(rows.find((r) => r.alias === "chained")).toMatchObject({ jump: `${bastion},${bastion}`, error: null });
    expect(rows.find((r) => r.alias === "loop")?.error).toContain("ProxyJump loops: loop → loop");

    const imported = await cli("hosts", "import-ssh-config", configFile, "bastion", "--app-root", app.app, "--json");
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject([
      { name: "bastion", target: `${target.user}@127.0.0.1:${jump.port}`, jump: null },
    ]);

    const loop = await cli("hosts", "add", "loop", "--ssh", "loop", "--ssh-config", configFile, "--app-root", app.app);
    expect(loop.code).toBe(2);
    expect(loop.stderr).toContain("ProxyJump loops");
    const unknown = await cli(
      "hosts",
      "add",
      "nope",
      "--ssh",
      "no-such-alias",
      "--ssh-config",
      configFile,
      "--app-root",
      app.app,
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("or an alias from");
  },
);
