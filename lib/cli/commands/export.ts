import { diagnose } from "@/lib/analysis/diagnostics";
import { exportSnapshot } from "@/lib/analysis/export/export-snapshot";
import { resolveSnapshot } from "@/lib/compare/resolve-snapshot";
import { CliError } from "../cli-error";
import type { Command } from "../command";
import { printDocument } from "../output";

export const exportCommand: Command = {
  words: ["export"],
  synopsis: "export (NAME | SNAPSHOT) [--markdown | --json | --csv]",
  summary: "One snapshot (a host's latest successful one, or an id) as Markdown (default), JSON or CSV (every source).",
  options: { json: { type: "boolean" }, markdown: { type: "boolean" }, csv: { type: "boolean" } },
  positionals: { min: 1, max: 1 },
  async run(values, [ref]) {
    const formats = (["json", "markdown", "csv"] as const).filter((f) => values[f]);
    if (formats.length > 1) throw new CliError("choose one of --json, --markdown, --csv");
    const { input } = await resolveSnapshot(ref!);
    const output = exportSnapshot(input, diagnose(input), formats[0] ?? "markdown");
    printDocument(output.endsWith("\n") ? output : `${output}\n`);
    return 0;
  },
};
