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

function startupCost(values: OptionValues): boolean | undefined {
  if (values["startup-cost"] && values["no-startup-cost"])
    throw new CliError("use --startup-cost or --no-startup-cost, not both");
  return values["startup-cost"] ? true : values["no-startup-cost"] ? false : undefined;
}

export const hostsEditCommand: Command = {
  words: ["hosts", "edit"],
  synopsis:
    "hosts edit NAME [--app-root PATH …] [--service UNIT|none] [--unit-file PATH|none] [--python PATH|none]\n" +
    "             [--max-files N] [--timeout SECONDS] [--startup-cost | --no-startup-cost] [--schedule CRON|off] [--json]",
  summary: "Change a saved host's settings (to change where or how it connects, remove it and add it again).",
  help: "--app-root replaces the list of app roots when given (repeat it for several).",
  options: {
    "app-root": { type: "string", multiple: true },
    service: { type: "string" },
    "unit-file": { type: "string" },
    python: { type: "string" },
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
