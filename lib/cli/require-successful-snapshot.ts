import { findHost } from "@/lib/db/queries/hosts";
import { findLatestOkSnapshot, findSnapshot } from "@/lib/db/queries/snapshots";
import { NotFoundError } from "@/lib/errors";
import { CliError } from "./cli-error";
import { EXIT } from "./exit-codes";
import { commandLine } from "./shell-quote";

/**
 * The snapshots a command names (host names stand for their latest successful one) all exist. A name that
 * is neither a host nor a snapshot is bad input (2), told first; a saved host without a successful snapshot
 * is not (the name is right) but nothing to work on yet: exit 1, with what to run.
 */
export async function requireSuccessfulSnapshots(refs: string[]): Promise<void> {
  const hosts = await Promise.all(refs.map((ref) => findHost(ref)));
  for (const [i, ref] of refs.entries()) {
    if (!hosts[i] && !(await findSnapshot(ref))) throw new NotFoundError("host or snapshot", ref);
  }
  for (const host of hosts) {
    if (host && !(await findLatestOkSnapshot(host.id)))
      throw new CliError(
        `${host.name} has no successful snapshot yet; take one with: ${commandLine(["collect", host.name])}`,
        EXIT.failed,
      );
  }
}
