import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { tempDir } from "../support/temp-dir";

// POST /api/hosts takes `ssh` as text too, resolved like the CLI's --ssh: USER@HOST[:PORT], or an alias of
// the server's ~/.ssh/config (or of `sshConfig`). The real route handler, a real session, a real SQLite file.
const temp = tempDir("deploylens-api-alias-");
const databaseFile = path.join(temp.dir, "api.db");
const home = path.join(temp.dir, "home");
const savedHome = process.env.HOME;
const ORIGIN = "http://127.0.0.1:3000";
let cookie = "";

beforeAll(async () => {
  process.env.DATABASE_URL = `file:${databaseFile}`;
  migrate({ file: databaseFile });
  // The server's own ~/.ssh/config: os.homedir() follows HOME.
  process.env.HOME = home;
  fs.mkdirSync(path.join(home, ".ssh"), { recursive: true });
  fs.writeFileSync(
    path.join(home, ".ssh", "config"),
    [
      "Host web",
      "  HostName 10.0.0.5",
      "  User deploy",
      "  IdentityFile ~/.ssh/web_key",
      "  ProxyJump gate2",
      "Host gate2",
      "  HostName 10.0.1.2",
      "  Port 2202",
      "  ProxyJump ops@gate1",
      "Host gate1",
      "  HostName 10.0.1.1",
      "  IdentityFile ~/.ssh/gate1_key",
      "",
    ].join("\n"),
  );
  fs.writeFileSync(path.join(temp.dir, "other_config"), "Host db\n  HostName 10.0.0.9\n  User pg\n  Port 2201\n");
  const { createUser } = await import("@/lib/auth/users");
  const { createSession } = await import("@/lib/auth/sessions");
  const { findUserByName } = await import("@/lib/db/queries/users");
  await createUser({ name: "op", role: "operator", password: "correct horse battery" }, { actor: null, address: null });
  const { token } = await createSession((await findUserByName("op"))!, null);
  cookie = `deploylens_session=${token}`;
});

afterAll(() => {
  process.env.HOME = savedHome;
  temp.remove();
});

type Answer = { data?: Record<string, unknown>; error?: { code: string; message: string } };

async function postHost(body: object): Promise<{ status: number; body: Answer }> {
  const { POST } = await import("@/app/api/hosts/route");
  const response = await POST(
    new Request(`${ORIGIN}/api/hosts`, {
      method: "POST",
      headers: { host: "127.0.0.1:3000", origin: ORIGIN, "content-type": "application/json", cookie },
      body: JSON.stringify(body),
    }),
  );
  return { status: response.status, body: (await response.json()) as Answer };
}

const host = (name: string, ssh: string, extra: object = {}) => ({
  transport: "ssh",
  name,
  ssh,
  appRoots: ["/opt/app"],
  ...extra,
});

test("an alias of the server's ~/.ssh/config resolves with its IdentityFile and its whole ProxyJump chain", async () => {
  const created = await postHost(host("web", "web"));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect(created.body.data).toMatchObject({
    target: "deploy@10.0.0.5:22",
    authMethod: "key-file",
    identityFile: path.join(home, ".ssh", "web_key"),
    // gate2's own ProxyJump puts gate1 first; each hop keeps its own user, port and key (none = the agent).
    jump: "ops@10.0.1.1:22",
    jumpAuthMethod: "key-file",
    jumpIdentityFile: path.join(home, ".ssh", "gate1_key"),
    jumpChain: [{ jump: `${os.userInfo().username}@10.0.1.2:2202`, identityFile: null, keySha256: null }],
  });
});

test("sshConfig names another file; USER@HOST[:PORT] text and explicit auth work as on the CLI", async () => {
  const other = await postHost(
    host("db", "db", { sshConfig: path.join(temp.dir, "other_config"), auth: { method: "agent" } }),
  );
  expect(other.status, JSON.stringify(other.body)).toBe(201);
  expect(other.body.data).toMatchObject({ target: "pg@10.0.0.9:2201", authMethod: "agent", jump: null, jumpChain: [] });
  const literal = await postHost(host("literal", "me@192.0.2.7:2222"));
  expect(literal.status, JSON.stringify(literal.body)).toBe(201);
  expect(literal.body.data).toMatchObject({ target: "me@192.0.2.7:2222", authMethod: "agent" });
});

test("an alias the config does not name is refused with 422 and nothing is stored", async () => {
  const refused = await postHost(host("nope", "no-such-alias"));
  expect(refused.status).toBe(422);
  expect(refused.body.error).toMatchObject({ code: "invalid-input" });
  expect(refused.body.error?.message).toContain("or an alias from");
  const { findHost } = await import("@/lib/db/queries/hosts");
  expect(await findHost("nope")).toBeNull();
});
