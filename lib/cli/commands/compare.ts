import { exportComparison } from "@/lib/compare/export-comparison";
import { compareRefs } from "@/lib/compare/compare-refs";
import { getHostOrThrow } from "@/lib/db/queries/hosts";
import { findDashboardUrl } from "@/lib/db/queries/public-url";
import { CliError } from "../cli-error";
import type { Command } from "../command";
import { EXIT } from "../exit-codes";
import { exportFormat, EXPORT_FORMAT_OPTIONS } from "../export-format";
import { printDocument, printJson, printOut } from "../output";
import { requireSuccessfulSnapshots } from "../require-successful-snapshot";
import { commandLine } from "../shell-quote";

/** `compare NAME`: the host's baseline against its latest successful snapshot. */
async function refsFor(left: string, right: string | undefined): Promise<[string, string]> {
  if (right !== undefined) return [left, right];
  const host = await getHostOrThrow(left);
  // The name is right; the host is not ready for this yet (like a collection that could not run): exit 1.
  if (!host.baselineSnapshotId)
    throw new CliError(
      `${host.name} has no baseline; set one with: ${commandLine(["baseline", host.name, "latest"])}`,
      EXIT.failed,
    );
  return [host.baselineSnapshotId, host.name];
}

export const compareCommand: Command = {
  words: ["compare"],
  synopsis: "compare LEFT RIGHT [--json | --markdown | --csv]  |  compare NAME (its baseline vs its latest)",
  summary: "Compare two hosts (their latest snapshots) or two snapshot ids. Default output: Markdown.",
  help: "--csv is byte for byte what the dashboard's CSV download (GET /api/compare/export?format=csv) gives.",
  options: EXPORT_FORMAT_OPTIONS,
  positionals: { min: 1, max: 2 },
  async run(values, [left, right]) {
    const format = exportFormat(values);
    const [leftRef, rightRef] = await refsFor(left!, right);
    await requireSuccessfulSnapshots([leftRef, rightRef]);
    const dashboard = await findDashboardUrl();
    const { comparison, url } = await compareRefs(leftRef, rightRef, dashboard, { allRows: format === "csv" });
    if (format === "json") {
      printJson({ ...comparison, url });
      return EXIT.ok;
    }
    const output = exportComparison(comparison, format);
    if (format === "csv") printDocument(output);
    else printDocument(output.endsWith("\n") ? output : `${output}\n`);
    if (format === "markdown") printOut(`\nPermanent link: ${url}\n`);
    return EXIT.ok;
  },
};
