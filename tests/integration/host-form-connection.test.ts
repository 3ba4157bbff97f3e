import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { ZodError } from "zod";
import { migrate } from "@/lib/db/migrate";
import { startSshd, type Sshd } from "../support/sshd";
import { tempDir } from "../support/temp-dir";

const temp = tempDir("deploylens-host-form-");
const databaseFile = path.join(temp.dir, "form.db");
let sshd: Sshd;

beforeAll(async () => {
  // lib/db/client reads DATABASE_URL when it is first imported; the secret key file goes next to the database.
  process.env.DATABASE_URL = `file:${databaseFile}`;
  migrate({ file: databaseFile });
  sshd = await startSshd();
});
afterAll(async () => {
  await sshd?.stop();
  temp.remove();
});

/** The body the host form sends, with the key pasted (stored encrypted). */
const form = (extra: Record<string, unknown> = {}) => ({
  name: "formhost",
  transport: "ssh",
  ssh: { user: sshd.user, host: "127.0.0.1", port: sshd.port },
  auth: { method: "stored-key", privateKey: sshd.privateKey },
  appRoots: [temp.dir, path.join(temp.dir, "no-such-root")],
  serviceUnit: "deploylens-form-test-unit-that-does-not-exist",
  ...extra,
});

test("Test connection shows an unknown key without trusting it, then probes once the user accepted it", async () => {
  const { testConnection } = await import("@/lib/hosts/test-connection");
  const refused = await testConnection({ host: form({ name: "" }) });
  expect(refused).toMatchObject({
    ok: false,
    code: "host-key-unknown",
    details: { endpoint: "target", fingerprint: sshd.hostKeyFingerprint },
  });

  const probed = await testConnection({ host: form(), pins: { target: sshd.hostKeyFingerprint } });
  if (!probed.ok) throw new Error(`${probed.code}: ${probed.message}`);
  expect(probed.keys.target).toBe(sshd.hostKeyFingerprint);
  expect(probed.probe.interpreter.version).toMatch(/^3\.\d+\.\d+$/);
  expect(probed.probe.unit).toMatchObject({
    name: "deploylens-form-test-unit-that-does-not-exist.service",
    found: false,
  });
  expect(probed.probe.roots).toEqual([
    { path: temp.dir, exists: true, readable: true },
    { path: path.join(temp.dir, "no-such-root"), exists: false, readable: false },
  ]);
});

test("a key seen by Test connection can be pinned through the trust flow once the host is saved; an invented one cannot", async () => {
  const { createHost } = await import("@/lib/hosts/create-host");
  const { trustHostKey } = await import("@/lib/hosts/trust-host-key");
  const host = await createHost(form({ name: "trusted" }));
  await expect(trustHostKey(host.id, { fingerprint: `SHA256:${"A".repeat(43)}` })).rejects.toMatchObject({
    code: "host-key-not-seen",
  });
  const pinned = await trustHostKey(host.id, { fingerprint: sshd.hostKeyFingerprint });
  expect(pinned.hostKeySha256).toBe(sshd.hostKeyFingerprint);
});

test("the edit form keeps a secret left blank, drops a pin whose address changed, and names the field a rule concerns", async () => {
  const { applyHostForm } = await import("@/lib/hosts/apply-host-form");
  const { getHostOrThrow } = await import("@/lib/db/queries/hosts");
  const { testConnection } = await import("@/lib/hosts/test-connection");
  const { listAuditPage } = await import("@/lib/audit/list-audit-page");
  const by = { actor: "alice", address: "192.0.2.7" };
  const before = await getHostOrThrow("trusted");
  const kept = await applyHostForm(
    before,
    form({ auth: { method: "stored-key", privateKey: "" }, appRoots: [temp.dir] }),
    by,
  );
  expect([kept.secretCipher !== null, kept.hostKeySha256, kept.appRoots]).toEqual([
    true,
    sshd.hostKeyFingerprint,
    [temp.dir],
  ]);
  // The kept key still logs in, and the saved pin applies without being sent again.
  const tested = await testConnection({ hostId: kept.id, host: form({ auth: { method: "stored-key" } }) });
  expect(tested).toMatchObject({ ok: true, keys: { target: sshd.hostKeyFingerprint } });

  const error = await applyHostForm(kept, form({ auth: { method: "password", password: "" } }), by).catch((e) => e);
  expect(error).toBeInstanceOf(ZodError);
  expect((error as ZodError).issues.map((i) => i.path.join("."))).toEqual(["auth.password"]);

  const moved = await applyHostForm(kept, form({ ssh: { user: sshd.user, host: "127.0.0.1", port: 1 } }), by);
  expect([moved.sshPort, moved.hostKeySha256]).toEqual([1, null]);
  // The connection edit is audited with who, from where, and which fields; never a secret's value.
  const [newest] = (await listAuditPage({ limit: "1" })).events;
  expect(newest).toMatchObject({ actor: "alice", address: "192.0.2.7", action: "host-edited" });
  expect(newest?.detail).toEqual({ changed: ["sshPort"] });
});
