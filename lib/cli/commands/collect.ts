import { baseUrl } from "@/lib/api/base-url";
import { cliActor, recordAudit } from "@/lib/audit/record-audit";
import { getHostOrThrow } from "@/lib/db/queries/hosts";
import { collectHost } from "@/lib/jobs/collect-host";
import { loadSnapshot } from "@/lib/db/load-snapshot";
import type { ProgressEvent } from "@/lib/snapshot/schema";
import { toSnapshotJson } from "@/lib/api/snapshot-json";
import type { Command } from "../command";
import { formatSnapshot } from "../format-snapshot";
import { clearProgress, printErr, printJson, printOut, printProgress } from "../output";

function progressPrinter(enabled: boolean) {
  if (!enabled) return undefined;
  return (event: ProgressEvent) => {
    printProgress(`${event.phase}: ${event.dirs} directories, ${event.files} files`);
  };
}

export const collectCommand: Command = {
  words: ["collect"],
  synopsis: "collect NAME [--json]",
  summary: "Take a snapshot of a host now (read-only). Exit 0 when it succeeded, 1 when it failed.",
  options: { json: { type: "boolean" } },
  positionals: { min: 1, max: 1 },
  async run(values, [name]) {
    const host = await getHostOrThrow(name!);
    await recordAudit({ actor: cliActor(), address: null, action: "collection-started", object: { type: "host", id: host.name } });
    const result = await collectHost(host, progressPrinter(process.stderr.isTTY && !values.json));
    if (process.stderr.isTTY && !values.json) clearProgress();
    const { row, input } = await loadSnapshot(result.snapshotId);
    const snapshot = toSnapshotJson(row, input, baseUrl());
    if (values.json) printJson(snapshot);
    else printOut(formatSnapshot(snapshot));
    if (!result.ok) printErr(`deploylens: collect ${host.name} failed [${result.code}]: ${result.message}\n`);
    return result.ok ? 0 : 1;
  },
};
