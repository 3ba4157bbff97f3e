import { cliActor } from "@/lib/audit/record-audit";
import { revokeShare } from "@/lib/shares/shares";
import type { Command } from "../command";
import { printOut } from "../output";

export const shareRevokeCommand: Command = {
  words: ["share", "revoke"],
  synopsis: "share revoke ID",
  summary: "Revoke a public link: it answers 404 from now on.",
  options: {},
  positionals: { min: 1, max: 1 },
  async run(_values, [id]) {
    // Whoever runs the CLI holds the database itself: any link, like an admin.
    await revokeShare(id!, cliActor(), { mayRevokeAny: true });
    printOut(`Revoked share ${id}\n`);
    return 0;
  },
};
