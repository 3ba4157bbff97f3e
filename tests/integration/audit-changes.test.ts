import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { runCli } from "../support/run-cli";
import { tempDir } from "../support/temp-dir";

// Host edits and removals, and user role or password changes, leave an audit event with actor, time,
// address and object, whether they come from the CLI or from the server (the lib functions the API,
// server actions and the host edit form call). Read back through the same query GET /api/audit uses.

const temp = tempDir("deploylens-audit-changes-");
const databaseFile = path.join(temp.dir, "audit.db");
const cli = (args: string[], stdin?: string) => runCli(args, { databaseFile, stdin });
const appRoot = path.join(temp.dir, "app");
afterAll(() => temp.remove());

// lib/db/client reads DATABASE_URL when it is first imported.
beforeAll(() => {
  process.env.DATABASE_URL = `file:${databaseFile}`;
  migrate({ file: databaseFile });
  fs.mkdirSync(appRoot, { recursive: true });
});

async function auditLog() {
  const { listAuditPage } = await import("@/lib/audit/list-audit-page");
  return (await listAuditPage({ limit: "200" })).events;
}

async function ok(args: string[], stdin?: string) {
  const result = await cli(args, stdin);
  expect(result.code, `${args.join(" ")}\n${result.stderr}`).toBe(0);
  return result;
}

test("hosts edit and hosts remove from the CLI are audited with the OS user as actor", async () => {
  await ok(["hosts", "add", "web1", "--local", "--app-root", appRoot]);
  await ok(["hosts", "edit", "web1", "--max-files", "5000", "--schedule", "0 * * * *"]);
  await ok(["hosts", "remove", "web1"]);
  const [removed, edited] = await auditLog();
  expect(edited).toMatchObject({
    actor: expect.stringMatching(/^cli:\w+/),
    address: null,
    action: "host-edited",
    object: { type: "host", id: "web1" },
    detail: { changed: ["maxFiles", "schedule"] },
  });
  expect(removed).toMatchObject({
    actor: edited!.actor,
    action: "host-removed",
    object: { type: "host", id: "web1" },
  });
  for (const event of [edited!, removed!]) expect(Date.now() - Date.parse(event.at)).toBeLessThan(60_000);
});

test("a host edited or removed through lib (API, server action, edit form) is audited with the user and address", async () => {
  const { createHost } = await import("@/lib/hosts/create-host");
  const { editHost } = await import("@/lib/hosts/edit-host");
  const { removeHost } = await import("@/lib/hosts/remove-host");
  const { findHost } = await import("@/lib/db/queries/hosts");
  const by = { actor: "alice", address: "192.0.2.7" };
  const host = await createHost({ transport: "local", name: "web2", appRoots: [appRoot] });
  const edited = await editHost(host, { python: "/usr/bin/python3", timeoutSeconds: 60 }, by);
  expect(edited).toMatchObject({ python: "/usr/bin/python3", timeoutSeconds: 60 });
  await removeHost(edited, by);
  expect(await findHost("web2")).toBeNull();
  const [removed, edit] = await auditLog();
  expect(edit).toMatchObject({ ...by, action: "host-edited", object: { type: "host", id: "web2" } });
  expect(edit!.detail).toEqual({ changed: ["python", "timeoutSeconds"] });
  expect(removed).toMatchObject({ ...by, action: "host-removed", object: { type: "host", id: "web2" } });
});

test("DELETE /api/hosts/:id removes the host as the signed-in operator, from their address", async () => {
  const { createHost } = await import("@/lib/hosts/create-host");
  const { createUser } = await import("@/lib/auth/users");
  const { createSession } = await import("@/lib/auth/sessions");
  const { findUserByName } = await import("@/lib/db/queries/users");
  const { findHost } = await import("@/lib/db/queries/hosts");
  const { DELETE } = await import("@/app/api/hosts/[id]/route");
  const { PEER_HEADER } = await import("@/lib/auth/client-address");
  (globalThis as Record<symbol, unknown>)[Symbol.for("deploylens.peer-header")] = true;
  await createHost({ transport: "local", name: "web4", appRoots: [appRoot] });
  const cli = { actor: "cli:test", address: null };
  await createUser({ name: "olga", role: "operator", password: "an operator password" }, cli);
  await createUser({ name: "vera", role: "viewer", password: "a viewer's password" }, cli);
  const remove = async (user: string) => {
    const { token } = await createSession((await findUserByName(user))!, "192.0.2.11");
    const req = new Request("http://localhost:3000/api/hosts/web4", {
      method: "DELETE",
      headers: {
        host: "localhost:3000",
        origin: "http://localhost:3000",
        "content-type": "application/json",
        cookie: `deploylens_session=${token}`,
        // What scripts/serve.mjs writes from the socket (the process is marked as that server below).
        [PEER_HEADER]: "192.0.2.11",
      },
    });
    return DELETE(req, { params: Promise.resolve({ id: "web4" }) });
  };
  expect((await remove("vera")).status).toBe(403);
  expect(await findHost("web4")).not.toBeNull();
  const removed = await remove("olga");
  expect(removed.status).toBe(200);
  expect(await removed.json()).toEqual({ data: { removed: "web4" } });
  expect(await findHost("web4")).toBeNull();
  expect((await auditLog())[0]).toMatchObject({
    actor: "olga",
    address: "192.0.2.11",
    action: "host-removed",
    object: { type: "host", id: "web4" },
  });
});

test("an edit the rules refuse changes nothing and records nothing", async () => {
  await ok(["hosts", "add", "web3", "--local", "--app-root", appRoot]);
  const before = (await auditLog()).length;
  const refused = await cli(["hosts", "edit", "web3", "--app-root", "relative/path"]);
  expect(refused.code).not.toBe(0);
  expect((await auditLog()).length).toBe(before);
});

test("users edit changes a role or a password, audits it without the password, and a new password ends sessions", async () => {
  const password = "the first long password";
  await ok(["users", "add", "bob", "--role", "viewer", "--password-stdin"], `${password}\n`);
  const { createSession, findSessionUser } = await import("@/lib/auth/sessions");
  const { findUserByName } = await import("@/lib/db/queries/users");
  const session = await createSession((await findUserByName("bob"))!, "192.0.2.9");
  expect(await findSessionUser(session.token)).toMatchObject({ name: "bob", role: "viewer" });

  expect((await ok(["users", "edit", "bob", "--role", "operator"])).stdout).toBe("Updated user bob (operator)\n");
  // A role change takes effect on the next request; the session itself stays.
  expect(await findSessionUser(session.token)).toMatchObject({ name: "bob", role: "operator" });
  const newPassword = "a second long password";
  await ok(["users", "edit", "bob", "--password-stdin"], `${newPassword}\n`);
  expect(await findSessionUser(session.token)).toBeNull();

  const { signIn } = await import("@/lib/auth/sign-in");
  await expect(signIn({ name: "bob", password: newPassword }, "192.0.2.9")).resolves.toBeTruthy();

  const events = (await auditLog()).filter((e) => e.action === "user-changed");
  expect(events.map((e) => e.detail)).toEqual([{ password: "changed" }, { role: "operator", previousRole: "viewer" }]);
  for (const event of events) {
    expect(event).toMatchObject({ actor: expect.stringMatching(/^cli:\w+/), object: { type: "user", id: "bob" } });
    expect(JSON.stringify(event)).not.toContain(newPassword);
  }
});

test("users edit refuses nothing to change, a bad role, a short password and an unknown user", async () => {
  const before = (await auditLog()).length;
  const refused = await cli(["users", "edit", "bob"]);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toMatch(/say what to change/);
  const { changeUser } = await import("@/lib/auth/users");
  const by = { actor: "alice", address: "192.0.2.7" };
  await expect(changeUser("bob", { role: "root" }, by)).rejects.toThrow(/role/);
  await expect(changeUser("bob", { password: "short" }, by)).rejects.toThrow(/at least 10 characters/);
  await expect(changeUser("bob", {}, by)).rejects.toThrow(/say what to change/);
  await expect(changeUser("nobody", { role: "viewer" }, by)).rejects.toThrow(/user "nobody" does not exist/);
  expect((await auditLog()).length).toBe(before);
});

test("hosts import-ssh-config records host-created for each host it adds, with the OS user as actor", async () => {
  const key = path.join(temp.dir, "id_import");
  execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", key]);
  const configFile = path.join(temp.dir, "ssh_config_import");
  fs.writeFileSync(
    configFile,
    `Host imported\n  HostName 127.0.0.1\n  Port 2201\n  User deploy\n  IdentityFile ${key}\n`,
  );
  await ok(["hosts", "import-ssh-config", configFile, "imported", "--app-root", appRoot]);
  expect((await auditLog())[0]).toMatchObject({
    actor: expect.stringMatching(/^cli:\w+/),
    address: null,
    action: "host-created",
    object: { type: "host", id: "imported" },
  });
  // Recorded once per host, however it was added: `hosts add` (web1, above) no longer records its own as well.
  const created = (await auditLog()).filter((event) => event.action === "host-created");
  expect(created.filter((event) => event.object?.id === "imported")).toHaveLength(1);
  expect(created.filter((event) => event.object?.id === "web1")).toHaveLength(1);
});
