import { cliActor } from "@/lib/audit/record-audit";
import { removeUser } from "@/lib/auth/users";
import type { Command } from "../command";
import { printOut } from "../output";

export const usersRemoveCommand: Command = {
  words: ["users", "remove"],
  synopsis: "users remove NAME",
  summary: "Remove a dashboard user; their sessions end with them.",
  options: {},
  positionals: { min: 1, max: 1 },
  async run(_values, [name]) {
    const user = await removeUser(name!, cliActor());
    printOut(`Removed user ${user.name}\n`);
    return 0;
  },
};
