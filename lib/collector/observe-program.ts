import "server-only";
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "@/lib/project-root";
import { joinPythonProgram } from "./python-program";

let cached: string | null = null;

/** lib/collector/observe/NN_name.py joined in name order: one namespace, like the collector's parts. */
function observerText(): string {
  const dir = path.join(projectRoot(), "lib", "collector", "observe");
  cached ??= joinPythonProgram(
    fs
      .readdirSync(/*turbopackIgnore: true*/ dir)
      .filter((name) => /^\d\d_[a-z_]+\.py$/.test(name))
      .sort()
      .map((name) => path.join(dir, name)),
  );
  return cached;
}

/**
 * The observer program sent on stdin. Its spec rides in the program text as base64 (A–Z a–z 0–9 + / =), not
 * in argv: a closure's directory list can outgrow one argument (128 KiB), and nothing a user typed is ever
 * read by the remote shell or as Python syntax. It comes first, so it is defined when the last part runs.
 */
export function observeProgram(spec: unknown): string {
  const b64 = Buffer.from(JSON.stringify(spec), "utf8").toString("base64");
  return `OBSERVE_SPEC = "${b64}"\n${observerText()}`;
}
