import { getHostOrThrow } from "@/lib/db/queries/hosts";
import { updateHostBaseline } from "@/lib/db/queries/host-updates";
import { findLatestOkSnapshot, getSnapshotOrThrow } from "@/lib/db/queries/snapshots";
import { ValidationError } from "@/lib/errors";
import { CliError } from "../cli-error";
import type { Command } from "../command";
import { EXIT } from "../exit-codes";
import { commandLine } from "../shell-quote";
import { printOut } from "../output";

export const baselineCommand: Command = {
  words: ["baseline"],
  synopsis: "baseline NAME (SNAPSHOT | latest | off)",
  summary: "Set the snapshot a host is judged against: compare NAME and regressions use it; retention keeps it.",
  options: {},
  positionals: { min: 2, max: 2 },
  async run(_values, [name, ref]) {
    const host = await getHostOrThrow(name!);
    if (ref === "off") {
      await updateHostBaseline(host.id, null);
      printOut(`${host.name} has no baseline\n`);
      return 0;
    }
    const row = ref === "latest" ? await findLatestOkSnapshot(host.id) : await getSnapshotOrThrow(ref!);
    if (!row)
      throw new CliError(
        `${host.name} has no successful snapshot yet; take one with: ${commandLine(["collect", host.name])}`,
        EXIT.failed,
      );
    if (row.hostId !== host.id) throw new ValidationError(`snapshot ${row.id} belongs to another host`);
    if (row.status !== "ok")
      throw new ValidationError(`snapshot ${row.id} failed; a baseline must be a successful snapshot`);
    await updateHostBaseline(host.id, row.id);
    printOut(`${host.name}'s baseline is snapshot ${row.id} (${row.takenAt.toISOString()})\n`);
    return 0;
  },
};
