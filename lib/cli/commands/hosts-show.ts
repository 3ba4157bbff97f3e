import { coveragePercent, formatPercent, startupCoveragePercent } from "@/lib/analysis/coverage-percent";
import { getHostOrThrow, toHostView } from "@/lib/db/queries/hosts";
import { findLatestOkSnapshot } from "@/lib/db/queries/snapshots";
import type { Command } from "../command";
import { printJson, printOut } from "../output";

export const hostsShowCommand: Command = {
  words: ["hosts", "show"],
  synopsis: "hosts show NAME [--json]",
  summary: "One saved host: where it is, what is collected, its schedule and baseline, its latest coverage.",
  options: { json: { type: "boolean", description: "Print JSON instead of text.", default: "off" } },
  positionals: { min: 1, max: 1 },
  async run(values, [name]) {
    const row = await getHostOrThrow(name!);
    const latestOk = await findLatestOkSnapshot(row.id);
    const host = {
      ...toHostView(row),
      latestSnapshotId: latestOk?.id ?? null,
      startupPercent: latestOk ? startupCoveragePercent(latestOk) : null,
      startupBlocked: latestOk?.startupBlocked ?? null,
      coveragePercent: latestOk ? coveragePercent(latestOk.fresh, latestOk.sources) : null,
    };
    if (values.json) {
      printJson(host);
      return 0;
    }
    const lines: [string, string | number | null][] = [
      ["target", host.target],
      // A ProxyJump chain as ProxyJump writes it: the hop dialled first, then each next one.
      ["jump", host.jump && [host.jump, ...host.jumpChain.map((hop) => hop.jump)].join(",")],
      ["auth", host.authMethod],
      ["host key", host.hostKeySha256],
      ["app roots", host.appRoots.join(" ")],
      ["service", host.serviceUnit],
      ["unit file", host.unitFile],
      ["python", host.python],
      ["max files", host.maxFiles],
      ["timeout", `${host.timeoutSeconds} s`],
      ["startup cost", host.measureStartup ? "measured" : "not measured"],
      ["schedule", host.schedule ?? "off"],
      ["baseline", host.baselineSnapshotId ?? "none"],
      ["startup", latestOk ? `${formatPercent(host.startupPercent)}, ${host.startupBlocked ?? "–"} blocked` : null],
      ["all sources", latestOk ? `${formatPercent(host.coveragePercent)} (snapshot ${host.latestSnapshotId})` : null],
    ];
    const shown = lines.filter(([, value]) => value !== null).map(([label, value]) => `  ${label.padEnd(13)} ${value}`);
    printOut([`${host.name}`, ...shown, ""].join("\n"));
    return 0;
  },
};
