import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database, { databaseFileBytes } from "../support/sqlite-database";
import { afterAll, beforeAll, expect, test } from "vitest";
import { runCli } from "../support/run-cli";
import { tempDir } from "../support/temp-dir";

const temp = tempDir("deploylens-cli-users-");
const databaseFile = path.join(temp.dir, "users.db");
const cli = (args: string[], stdin?: string) => runCli(args, { databaseFile, stdin });
afterAll(() => temp.remove());

const table = <T>(sql: string) => {
  const db = new Database(databaseFile, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  const env = { ...process.env };
  delete env.PYTHONDONTWRITEBYTECODE;
  const root = path.join(temp.dir, "app");
  fs.mkdirSync(path.join(root, "pkg"), { recursive: true });
  fs.writeFileSync(path.join(root, "pkg", "__init__.py"), "X = 1\n");
  execFileSync("python3", ["-m", "venv", "--without-pip", path.join(temp.dir, "venv")], { env });
  const python = path.join(temp.dir, "venv", "bin", "python3");
  expect((await cli(["hosts", "add", "laptop", "--local", "--app-root", root, "--python", python])).code).toBe(0);
  expect((await cli(["collect", "laptop"])).code).toBe(0);
});

test("users add reads the password from stdin, stores only an scrypt hash, and list/remove work", async () => {
  const password = "a long enough secret";
  const added = await cli(["users", "add", "alice", "--role", "operator", "--password-stdin"], `${password}\n`);
  expect(added.code, added.stderr).toBe(0);
  expect(added.stdout).toBe("Added user alice (operator)\n");
  const [row] = table<{ passwordHash: string }>(`SELECT passwordHash FROM User WHERE name = 'alice'`);
  expect(row!.passwordHash).toMatch(/^scrypt\$\d+\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
  for (const file of [databaseFile, `${databaseFile}-wal`].filter((f) => fs.existsSync(f))) {
    expect(databaseFileBytes(file).includes(Buffer.from(password))).toBe(false);
  }
  const listed = JSON.parse((await cli(["users", "list", "--json"])).stdout) as Record<string, unknown>[];
  expect(listed).toEqual([{ id: expect.any(String), name: "alice", role: "operator", createdAt: expect.any(String) }]);
  expect((await cli(["users", "list"])).stdout).toMatch(/alice\s+operator/);
  expect(
    (await cli(["users", "add", "alice", "--role", "viewer", "--password-stdin"], "another password\n")).code,
  ).toBe(2);
  expect((await cli(["users", "remove", "alice"])).code).toBe(0);
  expect(JSON.parse((await cli(["users", "list", "--json"])).stdout)).toEqual([]);
  const actions = table<{ action: string; actor: string; objectId: string }>(
    `SELECT action, actor, objectId FROM AuditEvent ORDER BY at, id`,
  );
  // From beforeAll: the host added and collected through the CLI, then this test's users.
  expect(actions.map((a) => [a.action, a.objectId])).toEqual([
    ["host-created", "laptop"],
    ["collection-started", "laptop"],
    ["user-created", "alice"],
    ["user-removed", "alice"],
  ]);
  for (const { actor } of actions) expect(actor).toMatch(/^cli:\w+/);
});

test("bad user input is refused with the reason", async () => {
  const cases: [string[], string, RegExp][] = [
    [["users", "add", "bob", "--role", "root", "--password-stdin"], "long enough password\n", /role/],
    [["users", "add", "bob", "--role", "viewer", "--password-stdin"], "short\n", /at least 10 characters/],
    [["users", "add", "bob", "--role", "viewer"], "", /--password-stdin/],
    [["users", "remove", "nobody"], "", /user "nobody" does not exist/],
  ];
  for (const [args, stdin, message] of cases) {
    const result = await cli(args, stdin);
    expect(result.code, args.join(" ")).not.toBe(0);
    expect(result.stderr).toMatch(message);
  }
});

test("share create prints { id, url, expiresAt }, stores only the token's hash, and list/revoke work", async () => {
  const created = await cli(["share", "create", "laptop", "laptop", "--expires", "3d", "--json"]);
  expect(created.code, created.stderr).toBe(0);
  const share = JSON.parse(created.stdout) as { id: string; url: string; expiresAt: string };
  expect(Object.keys(share).sort()).toEqual(["expiresAt", "id", "url"]);
  // Absolute: a link to hand to someone, on the dashboard of this database (none recorded here: the default).
  const token = /^http:\/\/localhost:3000\/share\/([A-Za-z0-9_-]{43})$/.exec(share.url)?.[1];
  expect(token).toBeTruthy(); // 256 random bits, base64url
  const days = (Date.parse(share.expiresAt) - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(2.99);
  expect(days).toBeLessThan(3.01);
  expect(table<{ tokenHash: string }>(`SELECT tokenHash FROM Share`)).toEqual([
    { tokenHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
  ]);
  expect(databaseFileBytes(databaseFile).includes(Buffer.from(token!))).toBe(false);

  const byDefault = JSON.parse((await cli(["share", "create", "laptop", "laptop", "--json"])).stdout) as {
    expiresAt: string;
  };
  expect(Math.round((Date.parse(byDefault.expiresAt) - Date.now()) / 86_400_000)).toBe(7);
  const tooLong = await cli(["share", "create", "laptop", "laptop", "--expires", "91d"]);
  expect(tooLong.code).toBe(2);
  expect(tooLong.stderr).toMatch(/at most 90 days/);

  expect((await cli(["share", "revoke", share.id])).code).toBe(0);
  const list = JSON.parse((await cli(["share", "list", "--json"])).stdout) as { id: string; state: string }[];
  expect(list.find((s) => s.id === share.id)?.state).toBe("revoked");
  expect(list.filter((s) => s.state === "active")).toHaveLength(1);
  expect((await cli(["share", "list"])).stdout).toMatch(new RegExp(`${share.id}\\s+revoked`));
  // The audit names who revoked it and who had made it.
  const revoked = table<{ actor: string; detail: string }>(
    `SELECT actor, detail FROM AuditEvent WHERE action = 'share-revoked' AND objectId = '${share.id}'`,
  );
  expect(revoked).toHaveLength(1);
  expect(revoked[0]!.actor).toMatch(/^cli:/);
  expect(JSON.parse(revoked[0]!.detail)).toEqual({ createdBy: revoked[0]!.actor });
});
