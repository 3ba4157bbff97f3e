import { cliActor } from "@/lib/audit/record-audit";
import { findDashboardUrl } from "@/lib/db/queries/public-url";
import { createShare } from "@/lib/shares/shares";
import type { Command } from "../command";
import { printJson, printOut } from "../output";

export const shareCreateCommand: Command = {
  words: ["share", "create"],
  synopsis: "share create LEFT RIGHT [--expires 7d] [--json]",
  summary: "Make a public read-only link to one comparison (default 7 days, at most 90: 30m, 12h, 7d).",
  options: {
    expires: {
      type: "string",
      value: "DURATION",
      description: "How long the link works: 30m, 12h, 7d (at most 90d).",
      default: "7d",
    },
    json: { type: "boolean", description: "Print JSON instead of text.", default: "off" },
  },
  positionals: { min: 2, max: 2 },
  async run(values, [left, right]) {
    const created = await createShare({ left, right, expires: values.expires }, cliActor());
    // The link is for someone else to open: absolute, on the dashboard that serves this database.
    const share = { ...created, url: `${await findDashboardUrl()}${created.url}` };
    if (values.json) {
      printJson(share);
      return 0;
    }
    printOut(`${share.url}\nExpires ${share.expiresAt}. Revoke it with: deploylens share revoke ${share.id}\n`);
    return 0;
  },
};
