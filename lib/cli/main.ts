import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { MigrationError, migrate } from "@/lib/db/migrate";
import { CliError } from "./cli-error";
import { commandHelp } from "./command-help";
import { commands, parseCommandArgs, usage } from "./commands";
import { flushOutput, printErr, printOut } from "./output";

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (!first || first === "--help" || first === "-h" || first === "help") {
    printOut(usage());
    return 0;
  }
  if (first === "--version" || first === "-V") {
    const { version } = (await import("../../package.json", { with: { type: "json" } })).default;
    printOut(`deploylens ${version}\n`);
    return 0;
  }
  const command = commands.find((c) => c.words.every((word, i) => argv[i] === word));
  if (!command)
    throw new CliError(`unknown command ${JSON.stringify(argv.slice(0, 2).join(" "))}; see deploylens --help`);
  if (argv.slice(command.words.length).some((arg) => arg === "--help" || arg === "-h")) {
    process.stdout.write(commandHelp(command));
    return 0;
  }
  const { values, positionals } = parseCommandArgs(command, argv.slice(command.words.length));
  migrate(); // the CLI works on the same database as the server, brought up to date the same way
  return command.run(values, positionals);
}

function describe(error: unknown): { message: string; exitCode: number } {
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  if (error instanceof ZodError) {
    return { message: error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; "), exitCode: 2 };
  }
  // Input the user can correct is a usage error (2); anything else that went wrong is 1.
  if (error instanceof AppError) return { message: error.message, exitCode: error.status === 422 ? 2 : 1 };
  if (error instanceof MigrationError) return { message: error.message, exitCode: 1 };
  return { message: error instanceof Error ? (error.stack ?? error.message) : String(error), exitCode: 1 };
}

async function run(argv: string[]): Promise<number> {
  try {
    return await main(argv);
  } catch (error) {
    const { message, exitCode } = describe(error);
    printErr(`deploylens: ${message}\n`);
    return exitCode;
  }
}

// Exit only once stdout and stderr have drained: a piped reader may still be reading (`compare … | jq`).
void run(process.argv.slice(2)).then(async (code) => {
  process.exitCode = code;
  await flushOutput();
  process.exit(code);
});
