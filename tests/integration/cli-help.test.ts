import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { commands } from "@/lib/cli/command-list";
import { runCli } from "../support/run-cli";
import { tempDir } from "../support/temp-dir";

const temp = tempDir("deploylens-cli-help-");
const databaseFile = path.join(temp.dir, "help.db");
afterAll(() => temp.remove());

const GROUPS = {
  hosts: ["add", "list", "trust", "edit", "remove", "show", "import-ssh-config"],
  users: ["add", "list", "edit", "remove"],
  share: ["create", "list", "revoke"],
};

test("every command group lists its subcommands on --help, -h and alone, and exits 0", async () => {
  for (const [group, subcommands] of Object.entries(GROUPS)) {
    for (const args of [[group, "--help"], [group, "-h"], [group]]) {
      const shown = await runCli(args, { databaseFile });
      expect([shown.code, shown.stderr], args.join(" ")).toEqual([0, ""]);
      const lines = shown.stdout.split("\n");
      expect(lines[0]).toBe(`usage: deploylens ${group} COMMAND [ARGS] [OPTIONS]`);
      const listed = lines.slice(lines.indexOf("Commands:") + 1, lines.indexOf("", lines.indexOf("Commands:")));
      expect(listed.map((line) => line.trim().split(/\s+/)[0])).toEqual(subcommands);
      for (const line of listed) expect(line).toMatch(/^ {2}[a-z-]+ {2,}\S.*\S$/);
      expect(lines.at(-2)).toBe(`Run deploylens ${group} COMMAND --help for a command's arguments and options.`);
    }
  }
  const unknown = await runCli(["hosts", "frobnicate"], { databaseFile });
  expect([unknown.code, unknown.stdout, unknown.stderr]).toEqual([
    2,
    "",
    'deploylens: unknown command "hosts frobnicate"; see deploylens hosts --help\n',
  ]);
});

test("every option of every command's --help has a one-line description and its default", async () => {
  for (const command of commands) {
    const shown = await runCli([...command.words, "--help"], { databaseFile });
    expect([shown.code, shown.stderr], command.words.join(" ")).toEqual([0, ""]);
    const lines = shown.stdout.split("\n");
    const options = lines.slice(lines.indexOf("Options:") + 1, lines.indexOf("", lines.indexOf("Options:")));
    const flags = options.map((line) => /^ {2}--([a-z-]+)/.exec(line)?.[1]);
    expect(flags, command.words.join(" ")).toEqual([...Object.keys(command.options), "help"]);
    for (const line of options.slice(0, -1)) {
      // `  --flag [VALUE]  What it does. (default: …)` on one line.
      expect(line, command.words.join(" ")).toMatch(
        /^ {2}--[a-z-]+( \S+)? {2,}[A-Z][^\n]*\. (Repeatable\. )?\(default: [^)]+\)$/,
      );
    }
    expect(options.at(-1)).toMatch(/^ {2}--help {2,}Show this help and exit\.$/);
  }
});
