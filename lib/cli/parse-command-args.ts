import { parseArgs } from "node:util";
import { CliError } from "./cli-error";
import { parseArgsOptions, type Command } from "./command";

/** What parsing a command's arguments needs of it. */
type CommandArguments = Pick<Command, "synopsis" | "options" | "positionals">;

/** The first `--name` the command does not take (before a `--` that ends the options), or undefined. */
function unknownOption(command: CommandArguments, args: string[]): string | undefined {
  const options = args.slice(0, args.includes("--") ? args.indexOf("--") : args.length);
  return options.find((arg) => arg.startsWith("--") && !(arg.slice(2).split("=")[0]! in command.options));
}

export function parseCommandArgs(command: CommandArguments, args: string[]) {
  const unknown = unknownOption(command, args);
  if (unknown) throw new CliError(`unknown option ${unknown.split("=")[0]}\nusage: deploylens ${command.synopsis}`);
  let parsed;
  try {
    parsed = parseArgs({ args, options: parseArgsOptions(command.options), allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\nusage: deploylens ${command.synopsis}`);
  }
  const count = parsed.positionals.length;
  if (count < command.positionals.min || count > command.positionals.max) {
    throw new CliError(`wrong number of arguments\nusage: deploylens ${command.synopsis}`);
  }
  return parsed;
}
