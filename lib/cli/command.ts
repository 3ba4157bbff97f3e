import type { ParseArgsConfig } from "node:util";

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** One CLI command: the words that name it, its options, and what it does (returns the exit code). */
export type Command = {
  words: string[];
  synopsis: string;
  summary: string;
  /** More for `--help`: examples, exit codes. */
  help?: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  positionals: { min: number; max: number };
  run(values: OptionValues, positionals: string[]): Promise<number>;
};
