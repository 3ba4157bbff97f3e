import { baseUrl } from "@/lib/api/base-url";
import { cliActor, recordAudit } from "@/lib/audit/record-audit";
import { getHostOrThrow } from "@/lib/db/queries/hosts";
import { collectHost } from "@/lib/jobs/collect-host";
import { loadSnapshot } from "@/lib/snapshot/load-snapshot";
import type { ProgressEvent } from "@/lib/snapshot/schema";
import { toSnapshotJson } from "@/lib/snapshot/to-snapshot-json";
import type { Command } from "../command";
import { formatSnapshot } from "../format-snapshot";

function progressPrinter(enabled: boolean) {
  if (!enabled) return undefined;
  return (event: ProgressEvent) => {
    process.stderr.write(`\r${event.phase}: ${event.dirs} directories, ${event.files} files   `);
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
    if (process.stderr.isTTY && !values.json) process.stderr.write("\r\x1b[K");
    const { row, input } = await loadSnapshot(result.snapshotId);
    const snapshot = toSnapshotJson(row, input, baseUrl());
    process.stdout.write(values.json ? `${JSON.stringify(snapshot, null, 2)}\n` : formatSnapshot(snapshot));
    if (!result.ok) process.stderr.write(`deploylens: collect ${host.name} failed [${result.code}]: ${result.message}\n`);
    return result.ok ? 0 : 1;
  },
};
