import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { runCli } from "../support/run-cli";
import { tempDir } from "../support/temp-dir";

// `hosts edit` changes what the dashboard's edit form changes: the settings, and for an SSH host where it
// is, how it logs in and its jump host (a stored secret is kept unless replaced).
const temp = tempDir("deploylens-cli-edit-");
const databaseFile = path.join(temp.dir, "edit.db");
afterAll(() => temp.remove());
const cli = (args: string[], stdin?: string) => runCli(args, { databaseFile, stdin });

type HostJson = {
  target: string;
  authMethod: string | null;
  identityFile: string | null;
  hasStoredSecret: boolean;
  jump: string | null;
  jumpAuthMethod: string | null;
  jumpIdentityFile: string | null;
  serviceUnit: string | null;
};
const show = async (name: string) => JSON.parse((await cli(["hosts", "show", name, "--json"])).stdout) as HostJson;

test("hosts edit changes the address, the login and the jump host, keeping a stored password", async () => {
  const add = ["hosts", "add", "box", "--ssh", "deploy@10.0.0.5", "--identity", "/keys/id", "--app-root", "/srv/app"];
  expect((await cli(add)).code).toBe(0);

  const moved = await cli(["hosts", "edit", "box", "--ssh", "ops@10.0.0.6:2200", "--password-stdin"], "s3cret pass\n");
  expect([moved.code, moved.stdout, moved.stderr]).toEqual([0, "Updated host box\n", ""]);
  expect(await show("box")).toMatchObject({
    target: "ops@10.0.0.6:2200",
    authMethod: "password",
    identityFile: null,
    hasStoredSecret: true,
  });

  expect((await cli(["hosts", "edit", "box", "--service", "app.service"])).code).toBe(0);
  expect(await show("box")).toMatchObject({
    authMethod: "password",
    hasStoredSecret: true,
    serviceUnit: "app.service",
  });

  const jumped = await cli(["hosts", "edit", "box", "--jump", "gate@10.0.1.1", "--jump-identity", "/keys/gate"]);
  expect(jumped.code, jumped.stderr).toBe(0);
  expect(await show("box")).toMatchObject({
    jump: "gate@10.0.1.1:22",
    jumpAuthMethod: "key-file",
    jumpIdentityFile: "/keys/gate",
    authMethod: "password",
    hasStoredSecret: true,
  });

  expect((await cli(["hosts", "edit", "box", "--jump", "none", "--agent"])).code).toBe(0);
  expect(await show("box")).toMatchObject({ jump: null, authMethod: "agent", hasStoredSecret: false });

  const key = "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n";
  expect((await cli(["hosts", "edit", "box", "--private-key-stdin"], key)).code).toBe(0);
  expect(await show("box")).toMatchObject({ authMethod: "stored-key", hasStoredSecret: true });
});

test("a bad connection edit exits 2, names the flag and changes nothing", async () => {
  expect((await cli(["hosts", "add", "laptop", "--local", "--app-root", "/srv/app"])).code).toBe(0);
  const before = await show("box");
  const cases: [string[], string][] = [
    [["hosts", "edit", "box", "--ssh", "nobody"], 'expected USER@HOST[:PORT], got "nobody"'],
    [["hosts", "edit", "box", "--agent", "--identity", "/keys/id"], "choose one login: --agent, --identity"],
    [["hosts", "edit", "box", "--identity", "keys/id", "--python", "relative"], "--python must be an absolute path"],
    [
      ["hosts", "edit", "laptop", "--ssh", "ops@10.0.0.6"],
      "laptop is this machine: it has no SSH connection to change",
    ],
  ];
  for (const [args, message] of cases) {
    const result = await cli(args);
    expect([result.code, result.stdout, result.stderr], args.join(" ")).toEqual([2, "", `deploylens: ${message}\n`]);
  }
  expect(await show("box")).toEqual(before);
});
