import { cliActor } from "@/lib/audit/record-audit";
import { getHostOrThrow } from "@/lib/db/queries/hosts";
import { observeHost } from "@/lib/jobs/observe-host";
import type { Attribution, Observation } from "@/lib/snapshot/observation-schema";
import type { Command } from "../command";
import { durationOption } from "../duration-option";
import { EXIT } from "../exit-codes";
import { printErr, printJson, printOut } from "../output";

const DEFAULT_TIMEOUT_SECONDS = 600;
const DEFAULT_QUIET_SECONDS = 2;

const ATTRIBUTION: Record<Attribution, string> = {
  unit: "opens counted from the processes of the service's systemd unit only (fanotify)",
  pid: "opens counted from the service user's processes only (fanotify)",
  time: "events counted by time (inotify): another process importing meanwhile counts too",
};

function formatObservation(host: string, o: Observation, attribution: Attribution): string {
  const cached = o.modules.filter((m) => m.loaded === "cache").length;
  const blocked = o.modules.filter((m) => m.blocked);
  const lines = [
    `${host}: start at ${o.startedAt} (${o.durationMs} ms): ${o.modules.length} modules, ${cached} from cache, ` +
      `${o.modules.length - cached} compiled, ${blocked.length} blocked`,
    `  ${ATTRIBUTION[attribution]}`,
    ...blocked.map((m) => `  blocked  ${m.name}  ${m.path}`),
    `  static closure missed ${o.staticMissed.length}: ${o.staticMissed.join(", ") || "none"}`,
    `  static closure listed ${o.staticExtra.length} not imported: ${o.staticExtra.join(", ") || "none"}`,
  ];
  return `${lines.join("\n")}\n`;
}

export const observeCommand: Command = {
  words: ["observe"],
  synopsis: "observe NAME [--timeout 10m] [--quiet 2s] [--restart] [--json]",
  summary: "Watch the service's next start and record, per module, loaded from cache, compiled, or blocked.",
  help: [
    "Arms file watches (inotify, read-only) on the latest snapshot's closure directories, their __pycache__",
    "directories and the pycache prefix tree, then prints `watching N directories` on stderr: start the",
    "service after that line. It returns when the start has gone quiet or at --timeout.",
    "The next collect counts the observed modules while the configuration and the sources stay unchanged.",
  ].join("\n"),
  options: {
    timeout: {
      type: "string",
      value: "DURATION",
      description: "Give up when no start was seen by then (e.g. 90s, 10m).",
      default: "10m",
    },
    quiet: {
      type: "string",
      value: "DURATION",
      description: "The start is over once no module was opened for this long.",
      default: "2s",
    },
    restart: {
      type: "boolean",
      description: "Run `systemctl restart -- UNIT` once armed: the one write DeployLens makes (audited).",
      default: "off: start the service yourself",
    },
    json: {
      type: "boolean",
      description: "Print the observation: { startedAt, durationMs, modules, staticMissed, staticExtra }.",
      default: "off",
    },
  },
  positionals: { min: 1, max: 1 },
  async run(values, [name]) {
    const host = await getHostOrThrow(name!);
    const { observation, attribution } = await observeHost(host, {
      timeoutSeconds: durationOption(values, "timeout") ?? DEFAULT_TIMEOUT_SECONDS,
      quietSeconds: durationOption(values, "quiet") ?? DEFAULT_QUIET_SECONDS,
      restart: values.restart === true,
      actor: cliActor(),
      onArmed: (directories) => printErr(`watching ${directories} directories\n`),
    });
    if (values.json) printJson(observation);
    else printOut(formatObservation(host.name, observation, attribution));
    return EXIT.ok;
  },
};
