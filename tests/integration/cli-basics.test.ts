import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { runCli } from "../support/run-cli";
import { tempDir } from "../support/temp-dir";

const temp = tempDir("deploylens-cli-");
const databaseFile = path.join(temp.dir, "cli.db");
afterAll(() => temp.remove());

test("hosts add and hosts list share the database, and the database is migrated by the CLI itself", async () => {
  const added = await runCli(
    ["hosts", "add", "laptop", "--local", "--app-root", "/srv/app", "--app-root", "/srv/other"],
    { databaseFile },
  );
  expect(added.code, added.stderr).toBe(0);
  const listed = await runCli(["hosts", "list", "--json"], { databaseFile });
  const hosts = JSON.parse(listed.stdout) as { name: string; transport: string; appRoots: string[] }[];
  expect(hosts).toMatchObject([{ name: "laptop", transport: "local", appRoots: ["/srv/app", "/srv/other"] }]);
  expect(listed.stdout).not.toContain("secretCipher");
});

test("bad CLI input fails with a specific message and exit code 2, storing nothing", async () => {
  const cases: [string[], RegExp][] = [
    [["hosts", "add", "x", "--local", "--app-root", "relative"], /^deploylens: --app-root must be an absolute path\n$/],
    [["hosts", "add", "x", "--app-root", "/srv"], /--local or --ssh/],
    [["hosts", "add", "x", "--ssh", "no-at-sign", "--app-root", "/srv"], /expected USER@HOST\[:PORT\]/],
    [["hosts", "add", "x", "--local", "--app-root", "/srv", "--bogus"], /^deploylens: unknown option --bogus\n/],
    [["frobnicate"], /unknown command/],
  ];
  for (const [args, message] of cases) {
    const result = await runCli(args, { databaseFile });
    expect(result.code, args.join(" ")).toBe(2);
    expect(result.stderr).toMatch(message);
  }
  const listed = await runCli(["hosts", "list", "--json"], { databaseFile });
  expect((JSON.parse(listed.stdout) as { name: string }[]).map((h) => h.name)).not.toContain("x");
});

test("collecting an unknown host names it, as bad input", async () => {
  const result = await runCli(["collect", "nope"], { databaseFile });
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('host "nope" does not exist');
});
