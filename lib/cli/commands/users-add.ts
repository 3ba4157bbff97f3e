import { cliActor } from "@/lib/audit/record-audit";
import { createUser } from "@/lib/auth/users";
import { CliError } from "../cli-error";
import type { Command } from "../command";
import { printOut } from "../output";
import { passwordFromStdin, userOptions } from "../user-options";

export const usersAddCommand: Command = {
  words: ["users", "add"],
  synopsis: "users add NAME --role admin|operator|viewer --password-stdin",
  summary: "Add a dashboard user; the password is read from stdin (never from the command line).",
  options: userOptions("none: required"),
  positionals: { min: 1, max: 1 },
  async run(values, [name]) {
    if (!values["password-stdin"]) throw new CliError("give the password on stdin with --password-stdin");
    if (!values.role) throw new CliError("say which role: --role admin|operator|viewer");
    const password = await passwordFromStdin();
    const user = await createUser({ name, role: values.role, password }, cliActor());
    printOut(`Added user ${user.name} (${user.role})\n`);
    return 0;
  },
};
