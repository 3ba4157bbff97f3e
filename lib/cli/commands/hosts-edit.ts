import path from "node:path";
import { cliActor } from "@/lib/audit/record-audit";
import { getHostOrThrow, toHostView } from "@/lib/db/queries/hosts";
import { editHost } from "@/lib/hosts/edit-host";
import { parseSchedule } from "@/lib/jobs/cron-schedule";
import { CliError } from "../cli-error";
import type { Command, OptionValues } from "../command";
import { intOption, stringOption } from "../option-values";
import { printJson, printOut } from "../output";

/** "" or "none" clears an optional setting. */
const optional = (values: OptionValues, key: string) => {
  const text = stringOption(values, key);
  return text === undefined ? undefined : text === "" || text === "none" ? null : text;
};

/** --entry replaces the list when given; `--entry none` clears it. */
function entryPoints(values: OptionValues): string[] | undefined {
  const given = values.entry as string[] | undefined;
  if (given === undefined) return undefined;
  if (given.length === 1 && (given[0] === "none" || given[0] === "")) return [];
  return given;
}

function startupCost(values: OptionValues): boolean | undefined {
  if (values["startup-cost"] && values["no-startup-cost"])
    throw new CliError("use --startup-cost or --no-startup-cost, not both");
  return values["startup-cost"] ? true : values["no-startup-cost"] ? false : undefined;
}

export const hostsEditCommand: Command = {
  words: ["hosts", "edit"],
  synopsis:
    "hosts edit NAME [--app-root PATH …] [--service UNIT|none] [--unit-file PATH|none] [--python PATH|none] [--user NAME|none]\n" +
    "             [--entry MODULE[:ATTR] … | --entry none] [--max-files N] [--timeout SECONDS] [--startup-cost | --no-startup-cost] [--schedule CRON|off] [--json]",
  summary: "Change a saved host's settings (to change where or how it connects, remove it and add it again).",
  help:
    "--app-root replaces the list of app roots when given (repeat it for several); so does --entry for the\n" +
    "entry points added to those derived from ExecStart (--entry none clears them).",
  options: {
    "app-root": { type: "string", multiple: true },
    service: { type: "string" },
    "unit-file": { type: "string" },
    python: { type: "string" },
    user: { type: "string" },
    entry: { type: "string", multiple: true },
    "max-files": { type: "string" },
    timeout: { type: "string" },
    "startup-cost": { type: "boolean" },
    "no-startup-cost": { type: "boolean" },
    schedule: { type: "string" },
    json: { type: "boolean" },
  },
  positionals: { min: 1, max: 1 },
  async run(values, [name]) {
    const host = await getHostOrThrow(name!);
    const schedule = stringOption(values, "schedule");
    const nextSchedule = schedule === undefined ? undefined : schedule === "off" ? null : parseSchedule(schedule);
    const unitFile = optional(values, "unit-file");
    const row = await editHost(
      host,
      {
        appRoots: values["app-root"] as string[] | undefined,
        serviceUnit: optional(values, "service"),
        unitFile: unitFile ? path.resolve(unitFile) : unitFile,
        python: optional(values, "python"),
        serviceUser: optional(values, "user"),
        entryPoints: entryPoints(values),
        measureStartup: startupCost(values),
        maxFiles: intOption(values, "max-files"),
        timeoutSeconds: intOption(values, "timeout"),
        schedule: nextSchedule,
      },
      { actor: cliActor(), address: null },
    );
    if (values.json) printJson(toHostView(row));
    else printOut(`Updated host ${row.name}\n`);
    return 0;
  },
};
