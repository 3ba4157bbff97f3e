import { baseUrl } from "@/lib/base-url";
import { exportComparison } from "@/lib/compare/export-comparison";
import { compareRefs } from "@/lib/compare/compare-refs";
import { CliError } from "../cli-error";
import type { Command } from "../command";
import { printDocument, printJson, printOut } from "../output";
import { getHostOrThrow } from "@/lib/db/queries/hosts";
import { ValidationError } from "@/lib/errors";

/** `compare NAME`: the host's baseline against its latest successful snapshot. */
async function refsFor(left: string, right: string | undefined): Promise<[string, string]> {
  if (right !== undefined) return [left, right];
  const host = await getHostOrThrow(left);
  if (!host.baselineSnapshotId)
    throw new ValidationError(`${host.name} has no baseline; set one with deploylens baseline ${host.name} SNAPSHOT`);
  return [host.baselineSnapshotId, host.name];
}

export const compareCommand: Command = {
  words: ["compare"],
  synopsis: "compare LEFT RIGHT [--json | --markdown | --csv]  |  compare NAME (its baseline vs its latest)",
  summary: "Compare two hosts (their latest snapshots) or two snapshot ids. Default output: Markdown.",
  options: { json: { type: "boolean" }, markdown: { type: "boolean" }, csv: { type: "boolean" } },
  positionals: { min: 1, max: 2 },
  async run(values, [left, right]) {
    const formats = (["json", "markdown", "csv"] as const).filter((f) => values[f]);
    if (formats.length > 1) throw new CliError("choose one of --json, --markdown, --csv");
    const format = formats[0] ?? "markdown";
    const [leftRef, rightRef] = await refsFor(left!, right);
    const { comparison, url } = await compareRefs(leftRef, rightRef, baseUrl(), { allRows: format === "csv" });
    if (format === "json") {
      printJson({ ...comparison, url });
      return 0;
    }
    const output = exportComparison(comparison, format);
    printDocument(output.endsWith("\n") ? output : `${output}\n`);
    if (format === "markdown") printOut(`\nPermanent link: ${url}\n`);
    return 0;
  },
};
