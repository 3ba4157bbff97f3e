import { cliActor } from "@/lib/audit/record-audit";
import { changeUser } from "@/lib/auth/users";
import { CliError } from "../cli-error";
import type { Command } from "../command";
import { printOut } from "../output";
import { passwordFromStdin, userOptions } from "../user-options";

export const usersEditCommand: Command = {
  words: ["users", "edit"],
  synopsis: "users edit NAME [--role admin|operator|viewer] [--password-stdin]",
  summary: "Change a user's role or password (read from stdin); a new password signs them out everywhere.",
  options: userOptions("unchanged"),
  positionals: { min: 1, max: 1 },
  async run(values, [name]) {
    if (!values.role && !values["password-stdin"])
      throw new CliError("say what to change: --role admin|operator|viewer and/or --password-stdin");
    const password = values["password-stdin"] ? await passwordFromStdin() : undefined;
    const user = await changeUser(name!, { role: values.role, password }, cliActor());
    printOut(`Updated user ${user.name} (${user.role}${password === undefined ? "" : ", new password"})\n`);
    return 0;
  },
};
