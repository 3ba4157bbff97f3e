import { cliActor } from "@/lib/audit/record-audit";
import { getHostOrThrow } from "@/lib/db/queries/hosts";
import { removeHost } from "@/lib/hosts/remove-host";
import type { Command } from "../command";
import { printOut } from "../output";

export const hostsRemoveCommand: Command = {
  words: ["hosts", "remove"],
  synopsis: "hosts remove NAME",
  summary: "Delete a saved host and its snapshots (inventories no other snapshot shares are freed by the next prune).",
  options: {},
  positionals: { min: 1, max: 1 },
  async run(_values, [name]) {
    const host = await getHostOrThrow(name!);
    await removeHost(host, cliActor());
    printOut(`Removed host ${host.name}\n`);
    return 0;
  },
};
