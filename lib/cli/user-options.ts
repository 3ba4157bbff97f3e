import { text } from "node:stream/consumers";
import type { OptionSpec } from "./command";

/** The --role and --password-stdin options of `users add` and `users edit`; `absent` says what leaving one out means. */
export function userOptions(absent: string): Record<"role" | "password-stdin", OptionSpec> {
  return {
    role: { type: "string", value: "ROLE", description: "The role: admin, operator or viewer.", default: absent },
    "password-stdin": {
      type: "boolean",
      description: "Read the password from stdin (never the command line).",
      default: absent,
    },
  };
}

/** The password piped to stdin, without the line end `echo` adds. */
export async function passwordFromStdin(): Promise<string> {
  return (await text(process.stdin)).replace(/\r?\n$/, "");
}
