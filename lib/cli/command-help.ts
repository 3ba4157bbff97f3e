import type { Command } from "./command";

/** The left column of an option's help line: `--app-root PATH`. */
const flagOf = (name: string, spec: Command["options"][string]) =>
  `--${name}${spec.type === "string" ? ` ${spec.value ?? "VALUE"}` : ""}`;

/** `deploylens COMMAND --help`: the synopsis, what it does, and every option with its default. */
export function commandHelp(command: Command): string {
  const entries = Object.entries(command.options);
  const flags = entries.map(([name, spec]) => flagOf(name, spec));
  const width = Math.max(6, ...flags.map((flag) => flag.length)) + 2;
  const options = entries.map(([, spec], i) => {
    const repeat = spec.multiple ? " Repeatable." : "";
    return `  ${flags[i]!.padEnd(width)}${spec.description}${repeat} (default: ${spec.default})`;
  });
  const more = command.help ? ["", command.help] : [];
  return [
    `usage: deploylens ${command.synopsis}`,
    "",
    command.summary,
    "",
    "Options:",
    ...options,
    `  ${"--help".padEnd(width)}Show this help and exit.`,
    ...more,
    "",
  ].join("\n");
}
