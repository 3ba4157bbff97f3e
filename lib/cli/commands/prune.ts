import { pruneSnapshots } from "@/lib/retention/prune-snapshots";
import type { Command } from "../command";
import { printJson, printOut } from "../output";

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export const pruneCommand: Command = {
  words: ["prune"],
  synopsis: "prune [--dry-run] [--json]",
  summary: "Apply the retention policy now: remove old snapshots it does not keep, free unreferenced inventories.",
  help: [
    "Policy (settings page, else DEPLOYLENS_RETENTION_DAYS / DEPLOYLENS_RETENTION_DAILY_DAYS): everything from the",
    "last 30 days; older, the last snapshot of each host's day; always every state change and every baseline.",
    "The server runs it daily. --dry-run only reports what would go.",
  ].join("\n"),
  options: {
    "dry-run": { type: "boolean", description: "Only report what would be removed.", default: "off" },
    json: { type: "boolean", description: "Print JSON instead of text.", default: "off" },
  },
  positionals: { min: 0, max: 0 },
  async run(values) {
    const report = await pruneSnapshots({ dryRun: Boolean(values["dry-run"]) });
    if (values.json) {
      printJson(report);
      return 0;
    }
    const verb = report.dryRun ? "would remove" : "removed";
    printOut(
      `${verb} ${report.snapshots.removed} of ${report.snapshots.before} snapshots and ${report.blobs.removed} inventories ` +
        `(${kb(report.blobs.compressedBytes)} compressed); store ${kb(report.storeBytes.before)}` +
        (report.dryRun ? "\n" : ` → ${kb(report.storeBytes.after)}\n`),
    );
    return 0;
  },
};
