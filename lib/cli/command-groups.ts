import type { Command } from "./command";

/** Commands named by two words share their first: `deploylens hosts --help` lists the group. */
export const GROUPS: Record<string, string> = {
  hosts: "Saved hosts: add, list, show, edit, remove them, import them from ~/.ssh/config, pin their keys.",
  users: "Dashboard accounts and their roles (the CLI works on the database directly: no sign-in).",
  share: "Public read-only links to one comparison.",
};

/** `deploylens GROUP --help`: what the group is for and each of its subcommands. */
export function groupHelp(group: string, commands: Command[]): string {
  const members = commands.filter((c) => c.words.length === 2 && c.words[0] === group);
  const width = Math.max(...members.map((c) => c.words[1]!.length)) + 2;
  return [
    `usage: deploylens ${group} COMMAND [ARGS] [OPTIONS]`,
    "",
    GROUPS[group] ?? "",
    "",
    "Commands:",
    ...members.map((c) => `  ${c.words[1]!.padEnd(width)}${c.summary}`),
    "",
    `Run deploylens ${group} COMMAND --help for a command's arguments and options.`,
    "",
  ].join("\n");
}
