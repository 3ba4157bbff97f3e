import type { ParseArgsConfig } from "node:util";

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** One option as `--help` shows it: every option says what it does and what applies without it. */
export type OptionSpec = {
  type: "string" | "boolean";
  multiple?: boolean;
  /** The placeholder of a string option's value in `--help` (PATH, N, CRON). */
  value?: string;
  /** One line: what the option does. */
  description: string;
  /** What applies when the option is not given, as `--help` prints it after "default:". */
  default: string;
};

/** One CLI command: the words that name it, its options, and what it does (returns the exit code). */
export type Command = {
  words: string[];
  synopsis: string;
  summary: string;
  /** More for `--help`: examples, exit codes. */
  help?: string;
  options: Record<string, OptionSpec>;
  positionals: { min: number; max: number };
  run(values: OptionValues, positionals: string[]): Promise<number>;
};

/** The options as node:util parseArgs takes them. */
export function parseArgsOptions(options: Command["options"]): NonNullable<ParseArgsConfig["options"]> {
  return Object.fromEntries(
    Object.entries(options).map(([name, spec]) => [name, { type: spec.type, multiple: spec.multiple ?? false }]),
  );
}
