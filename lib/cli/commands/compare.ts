import { baseUrl } from "@/lib/api/base-url";
import { exportComparison } from "@/lib/analysis/export";
import { compareRefs } from "@/lib/compare/compare-refs";
import { CliError } from "../cli-error";
import type { Command } from "../command";
import { printJson, printOut } from "../output";

export const compareCommand: Command = {
  words: ["compare"],
  synopsis: "compare LEFT RIGHT [--json | --markdown | --csv]",
  summary: "Compare two hosts (their latest snapshots) or two snapshot ids. Default output: Markdown.",
  options: { json: { type: "boolean" }, markdown: { type: "boolean" }, csv: { type: "boolean" } },
  positionals: { min: 2, max: 2 },
  async run(values, [left, right]) {
    const formats = (["json", "markdown", "csv"] as const).filter((f) => values[f]);
    if (formats.length > 1) throw new CliError("choose one of --json, --markdown, --csv");
    const format = formats[0] ?? "markdown";
    const { comparison, url } = await compareRefs(left!, right!, baseUrl(), { allRows: format === "csv" });
    if (format === "json") {
      printJson({ ...comparison, url });
      return 0;
    }
    const output = exportComparison(comparison, format);
    printOut(output.endsWith("\n") ? output : `${output}\n`);
    if (format === "markdown") printOut(`\nPermanent link: ${url}\n`);
    return 0;
  },
};
