import { cliActor } from "@/lib/audit/record-audit";
import { createShare } from "@/lib/shares/shares";
import type { Command } from "../command";
import { printOut } from "../output";

export const shareCreateCommand: Command = {
  words: ["share", "create"],
  synopsis: "share create LEFT RIGHT [--expires 7d] [--json]",
  summary: "Make a public read-only link to one comparison (default 7 days, at most 90: 30m, 12h, 7d).",
  options: { expires: { type: "string" }, json: { type: "boolean" } },
  positionals: { min: 2, max: 2 },
  async run(values, [left, right]) {
    const share = await createShare({ left, right, expires: values.expires }, { actor: cliActor(), address: null });
    if (values.json) {
      printOut(`${JSON.stringify(share, null, 2)}\n`);
      return 0;
    }
    printOut(`${share.url}\nExpires ${share.expiresAt}. Revoke it with: deploylens share revoke ${share.id}\n`);
    return 0;
  },
};
