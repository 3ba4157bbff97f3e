import { findHost } from "@/lib/db/queries/hosts";
import { findLatestOkSnapshot } from "@/lib/db/queries/snapshots";
import { CliError } from "./cli-error";
import { EXIT } from "./exit-codes";
import { commandLine } from "./shell-quote";

/**
 * A host named where a snapshot is meant stands for its latest successful one. A saved host without one
 * is not bad input (the name is right) but nothing to work on yet: exit 1, with what to run.
 */
export async function requireSuccessfulSnapshot(ref: string): Promise<void> {
  const host = await findHost(ref);
  if (host && !(await findLatestOkSnapshot(host.id)))
    throw new CliError(
      `${host.name} has no successful snapshot yet; take one with: ${commandLine(["collect", host.name])}`,
      EXIT.failed,
    );
}
