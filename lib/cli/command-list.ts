import type { Command } from "./command";
import { collectCommand } from "./commands/collect";
import { compareCommand } from "./commands/compare";
import { hostsAddCommand } from "./commands/hosts-add";
import { hostsListCommand } from "./commands/hosts-list";
import { hostsTrustCommand } from "./commands/hosts-trust";
import { shareCreateCommand } from "./commands/share-create";
import { shareListCommand } from "./commands/share-list";
import { shareRevokeCommand } from "./commands/share-revoke";
import { usersAddCommand } from "./commands/users-add";
import { usersEditCommand } from "./commands/users-edit";
import { usersListCommand } from "./commands/users-list";
import { usersRemoveCommand } from "./commands/users-remove";
import { operationsCommands } from "./operations-commands";

export const commands: Command[] = [
  hostsAddCommand,
  hostsListCommand,
  hostsTrustCommand,
  collectCommand,
  compareCommand,
  ...operationsCommands,
  // Accounts and public links (the CLI works on the database directly: no sign-in).
  usersAddCommand,
  usersListCommand,
  usersEditCommand,
  usersRemoveCommand,
  shareCreateCommand,
  shareListCommand,
  shareRevokeCommand,
];

export function usage(): string {
  const lines = commands.map((c) => `  deploylens ${c.synopsis}\n      ${c.summary}`);
  return [
    "DeployLens — is bytecode caching working for this Python service?",
    "",
    "Usage:",
    ...lines,
    "  deploylens COMMAND --help | GROUP --help | --help | --version",
    "",
    "Exit codes: 0 done, 1 a collection or operation failed, 2 bad input (unknown host or snapshot, duplicate",
    "name, bad option), 3 a CI gate failed.",
    "The database is ./data/deploylens.db in the DeployLens folder; DATABASE_URL overrides it.",
    "",
  ].join("\n");
}
