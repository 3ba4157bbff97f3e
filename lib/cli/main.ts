import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { MigrationError } from "@/lib/db/migrate";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { CliError } from "./cli-error";
import { GROUPS, groupHelp } from "./command-groups";
import { commandHelp } from "./command-help";
import { commands, usage } from "./command-list";
import { parseCommandArgs } from "./parse-command-args";
import { exitCodeOf, PRISMA_INPUT_ERRORS, prismaCodeOf } from "./exit-codes";
import { describeZodError } from "./flag-of-issue";
import { endQuietlyOnClosedPipe, flushOutput, printErr, printOut } from "./output";

const isHelp = (arg: string | undefined) => arg === "--help" || arg === "-h" || arg === "help";

async function main(argv: string[]): Promise<number> {
  const [first, second] = argv;
  if (!first || isHelp(first)) {
    printOut(usage());
    return 0;
  }
  if (first === "--version" || first === "-V") {
    const { version } = (await import("../../package.json", { with: { type: "json" } })).default;
    printOut(`deploylens ${version}\n`);
    return 0;
  }
  // `deploylens hosts`, `hosts --help`: the group's subcommands, as gh lists a command group's.
  if (first in GROUPS && (second === undefined || isHelp(second))) {
    printOut(groupHelp(first, commands));
    return 0;
  }
  const command = commands.find((c) => c.words.every((word, i) => argv[i] === word));
  if (!command) {
    const words = first in GROUPS ? `${first} ${second}` : first;
    const help = first in GROUPS ? `deploylens ${first} --help` : "deploylens --help";
    throw new CliError(`unknown command ${JSON.stringify(words)}; see ${help}`);
  }
  if (argv.slice(command.words.length).some((arg) => arg === "--help" || arg === "-h")) {
    printOut(commandHelp(command));
    return 0;
  }
  const { values, positionals } = parseCommandArgs(command, argv.slice(command.words.length));
  await migrateDatabase(); // the CLI works on the same database as the server, brought up to date the same way
  return command.run(values, positionals);
}

function describe(error: unknown): string {
  if (error instanceof ZodError) return describeZodError(error);
  if (error instanceof CliError || error instanceof AppError || error instanceof MigrationError) return error.message;
  const prisma = PRISMA_INPUT_ERRORS[prismaCodeOf(error) ?? ""];
  if (prisma) return prisma;
  // Something nobody anticipated: the stack is what a bug report needs.
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * Closes the database, when this command opened it, before the process exits: its connections finish
 * cleanly and the WAL is checkpointed, so the next process (a script, the dashboard) reads every write.
 */
async function closeDatabase(): Promise<void> {
  const client = (globalThis as { deploylensPrisma?: { $disconnect(): Promise<void> } }).deploylensPrisma;
  await client?.$disconnect().catch(() => undefined);
}

async function run(argv: string[]): Promise<number> {
  try {
    return await main(argv);
  } catch (error) {
    printErr(`deploylens: ${describe(error)}\n`);
    return error instanceof CliError ? error.exitCode : exitCodeOf(error);
  }
}

endQuietlyOnClosedPipe();
// Exit only once stdout and stderr have drained: a piped reader may still be reading (`compare … | jq`).
void run(process.argv.slice(2)).then(async (code) => {
  process.exitCode = code;
  await closeDatabase();
  await flushOutput();
  process.exit(code);
});
