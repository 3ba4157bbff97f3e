import { listShareViews } from "@/lib/shares/shares";
import type { Command } from "../command";
import { formatTable } from "../format-table";
import { printJson, printOut } from "../output";

export const shareListCommand: Command = {
  words: ["share", "list"],
  synopsis: "share list [--json]",
  summary: "List public links: who made them, until when, and whether they still work.",
  options: { json: { type: "boolean", description: "Print JSON instead of text.", default: "off" } },
  positionals: { min: 0, max: 0 },
  async run(values) {
    const shares = await listShareViews();
    if (values.json) {
      printJson(shares);
      return 0;
    }
    if (shares.length === 0) {
      printOut("No public links. Make one: deploylens share create LEFT RIGHT\n");
      return 0;
    }
    const rows = shares.map((s) => [
      s.id,
      s.state,
      s.expiresAt.slice(0, 16),
      s.createdBy ?? "–",
      `${s.left} ${s.right}`,
    ]);
    printOut(formatTable(["ID", "STATE", "EXPIRES (UTC)", "BY", "SNAPSHOTS"], rows));
    return 0;
  },
};
