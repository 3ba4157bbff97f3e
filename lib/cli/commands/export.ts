import { diagnose } from "@/lib/analysis/diagnostics";
import { exportSnapshot } from "@/lib/analysis/export/export-snapshot";
import { resolveSnapshot } from "@/lib/compare/resolve-snapshot";
import type { Command } from "../command";
import { EXIT } from "../exit-codes";
import { exportFormat, EXPORT_FORMAT_OPTIONS } from "../export-format";
import { printDocument } from "../output";
import { requireSuccessfulSnapshots } from "../require-successful-snapshot";

export const exportCommand: Command = {
  words: ["export"],
  synopsis: "export (NAME | SNAPSHOT) [--markdown | --json | --csv]",
  summary: "One snapshot (a host's latest successful one, or an id) as Markdown (default), JSON or CSV (every source).",
  options: EXPORT_FORMAT_OPTIONS,
  positionals: { min: 1, max: 1 },
  async run(values, [ref]) {
    const format = exportFormat(values);
    await requireSuccessfulSnapshots([ref!]);
    const { input } = await resolveSnapshot(ref!);
    const output = exportSnapshot(input, diagnose(input), format);
    // CSV ends with its own CRLF and is printed byte for byte; the others end with a newline for the shell.
    printDocument(format === "csv" || output.endsWith("\n") ? output : `${output}\n`);
    return EXIT.ok;
  },
};
