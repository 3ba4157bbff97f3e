import { listUsers, toUserView } from "@/lib/db/queries/users";
import type { Command } from "../command";
import { formatTable } from "../format-table";
import { printJson, printOut } from "../output";

export const usersListCommand: Command = {
  words: ["users", "list"],
  synopsis: "users list [--json]",
  summary: "List dashboard users and their roles.",
  options: { json: { type: "boolean", description: "Print JSON instead of text.", default: "off" } },
  positionals: { min: 0, max: 0 },
  async run(values) {
    const users = (await listUsers()).map(toUserView);
    if (values.json) {
      printJson(users);
      return 0;
    }
    if (users.length === 0) {
      printOut("No users yet. Add one: deploylens users add NAME --role admin --password-stdin\n");
      return 0;
    }
    printOut(
      formatTable(
        ["NAME", "ROLE", "CREATED"],
        users.map((u) => [u.name, u.role, u.createdAt.slice(0, 10)]),
      ),
    );
    return 0;
  },
};
