import { cliActor } from "@/lib/audit/record-audit";
import { getHostOrThrow, listHosts } from "@/lib/db/queries/hosts";
import type { HostRow } from "@/lib/db/queries/hosts";
import { startCollection, waitForJob } from "@/lib/jobs/collection-queue";
import { requestCollection } from "@/lib/jobs/request-collection";
import { getSnapshotOrThrow } from "@/lib/db/queries/snapshots";
import { snapshotJsonOf } from "@/lib/snapshot-reads/snapshot-json";
import { settleDeliveries } from "@/lib/webhooks/pending-deliveries";
import { findDashboardUrl } from "@/lib/db/queries/public-url";
import { describeCollectFailure } from "../collect-failure";
import { CliError } from "../cli-error";
import { collectArguments, gatesFrom } from "../collect-arguments";
import { gateFailures } from "../collect-gates";
import type { Command, OptionValues } from "../command";
import { EXIT } from "../exit-codes";
import { formatSnapshot } from "../format-snapshot";
import { printErr, printJson, printOut } from "../output";
import { progressBar } from "../progress-bar";

async function hostsFrom(values: OptionValues, names: string[]): Promise<HostRow[]> {
  if (values.all && names.length > 0) throw new CliError("name hosts or use --all, not both");
  if (!values.all && names.length === 0) throw new CliError("name at least one host, or use --all");
  const hosts = values.all ? await listHosts() : await Promise.all(names.map((name) => getHostOrThrow(name)));
  if (hosts.length === 0)
    throw new CliError("no hosts saved yet; add one with: deploylens hosts add NAME", EXIT.failed);
  return hosts;
}

/** Collects every host through the same queue as the dashboard (per-host single flight, global cap). */
async function collectAll(hosts: HostRow[]) {
  const progress = progressBar(hosts.length);
  const results = await Promise.all(
    hosts.map(async (host) => {
      // This process ends once the snapshots are stored: their file indexes are left to their first reader.
      const job = await requestCollection(host, cliActor(), (row, by) =>
        startCollection(row, by, { fileIndex: false }),
      );
      job.events.on("progress", (event) => progress.update(host.name, event));
      const result = await waitForJob(job);
      progress.hostDone();
      return { host, result };
    }),
  );
  progress.clear();
  return results;
}

export const collectCommand: Command = {
  words: ["collect"],
  ...collectArguments,
  summary:
    "Take a snapshot of hosts now (read-only). Exit 0 when all succeeded, 1 when one failed, 3 when a gate failed.",
  help: [
    "The gates are checked on every successful snapshot.",
    "A cron line: 0 * * * *  deploylens collect --all --fail-under 80",
  ].join("\n"),
  async run(values, names) {
    const gates = gatesFrom(values);
    const hosts = await hostsFrom(values, names);
    const outcomes = await collectAll(hosts);
    const dashboard = await findDashboardUrl();
    const snapshots = [];
    let code: number = EXIT.ok;
    for (const { host, result } of outcomes) {
      if (!result.snapshotId) {
        // Nothing was stored (the database refused it): there is no snapshot to show.
        printErr(`deploylens: collect ${host.name} failed [${result.code}]: ${result.message}\n`);
        code = EXIT.failed;
        continue;
      }
      // The row only: the store step returned the view it computed, so the blob is never read back.
      const row = await getSnapshotOrThrow(result.snapshotId);
      const snapshot = snapshotJsonOf(row, result.view ?? null, dashboard);
      snapshots.push(snapshot);
      if (!values.json) printOut(formatSnapshot(snapshot));
      if (snapshot.error) {
        printErr(describeCollectFailure(host, snapshot.error));
        code = EXIT.failed;
      }
      for (const failure of gateFailures({ ...row, host: host.name }, gates)) {
        printErr(`deploylens: gate failed: ${failure}\n`);
        if (code === EXIT.ok) code = EXIT.gate;
      }
    }
    await settleDeliveries(); // regression alerts go out before the process exits
    const single = !values.all && names.length === 1;
    if (values.json) printJson(single ? snapshots[0] : snapshots);
    return code;
  },
};
