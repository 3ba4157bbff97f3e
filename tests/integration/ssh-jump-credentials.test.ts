import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { startSshd, type Sshd } from "../support/sshd";
import { startSshAgent, type SshAgent } from "../support/sshd/ssh-agent";
import { tempDir } from "../support/temp-dir";

// The target's password must never reach the bastion: each hop logs in with its own credential.
const asRoot = process.getuid?.() === 0;
const temp = tempDir("deploylens-jumpauth-");
const databaseFile = path.join(temp.dir, "jump.db");
const appRoot = path.join(temp.dir, "app");
let jump: Sshd;
let target: Sshd;
let agent: SshAgent;

beforeAll(async () => {
  process.env.DATABASE_URL = `file:${databaseFile}`;
  migrate({ file: databaseFile });
  // The password account on the target collects this root, so it must be able to read it.
  fs.chmodSync(temp.dir, 0o755);
  fs.mkdirSync(appRoot, { mode: 0o755 });
  fs.writeFileSync(path.join(appRoot, "app.py"), "X = 1\n");
  // DEBUG1 logs every authentication request with its method: the evidence of what the jump was offered.
  [jump, target] = await Promise.all([startSshd({ config: ["LogLevel DEBUG1"] }), startSshd({ password: asRoot })]);
  agent = await startSshAgent(temp.dir);
  await agent.add(jump.privateKeyPath);
});

afterAll(async () => {
  await Promise.all([jump?.stop(), target?.stop(), agent?.stop()]);
  temp.remove();
});

const endpoint = (sshd: Sshd, user = sshd.user) => ({ user, host: sshd.host, port: sshd.port });

test.skipIf(!asRoot)(
  "a password target behind a bastion: the bastion gets its own key, never the password",
  async () => {
    const { createHost } = await import("@/lib/hosts/create-host");
    const { collectHost } = await import("@/lib/jobs/collect-host");
    const login = target.passwordLogin!;
    const host = await createHost({
      transport: "ssh",
      name: "behind-bastion",
      appRoots: [appRoot],
      measureStartup: false,
      ssh: endpoint(target, login.user),
      auth: { method: "password", password: login.password },
      jump: endpoint(jump),
      jumpAuth: { method: "key-file", identityFile: jump.privateKeyPath },
      acceptHostKey: true,
    });
    const result = await collectHost(host);
    expect(result.ok, `${result.code}: ${result.message}`).toBe(true);
    const jumpLogs = await jump.settledLogs();
    expect(jumpLogs).toMatch(/method publickey/);
    expect(jumpLogs).not.toMatch(/method password/);
    expect(await target.settledLogs()).toContain(`Accepted password for ${login.user}`);
  },
);

test("without --jump-identity the bastion is asked through the ssh-agent, not with the target's key", async () => {
  const { createHost } = await import("@/lib/hosts/create-host");
  const { collectHost } = await import("@/lib/jobs/collect-host");
  const host = await createHost({
    transport: "ssh",
    name: "agent-bastion",
    appRoots: [appRoot],
    measureStartup: false,
    ssh: endpoint(target),
    auth: { method: "key-file", identityFile: target.privateKeyPath },
    jump: endpoint(jump),
    acceptHostKey: true,
  });
  const saved = process.env.SSH_AUTH_SOCK;
  process.env.SSH_AUTH_SOCK = agent.socket;
  try {
    const result = await collectHost(host);
    expect(result.ok, `${result.code}: ${result.message}`).toBe(true);
  } finally {
    if (saved === undefined) delete process.env.SSH_AUTH_SOCK;
    else process.env.SSH_AUTH_SOCK = saved;
  }
});
