import type { Command } from "./command";

/** `deploylens COMMAND --help`: the synopsis, what it does, and every option it takes. */
export function commandHelp(command: Command): string {
  const options = Object.entries(command.options).map(([name, spec]) => {
    const value = spec.type === "string" ? " VALUE" : "";
    return `  --${name}${value}${spec.multiple ? " (repeatable)" : ""}`;
  });
  const more = command.help ? ["", command.help] : [];
  return [
    `usage: deploylens ${command.synopsis}`,
    "",
    command.summary,
    "",
    "Options:",
    ...options,
    "  --help",
    ...more,
    "",
  ].join("\n");
}
