import path from "node:path";
import { cliActor } from "@/lib/audit/record-audit";
import { getHostOrThrow, toHostView } from "@/lib/db/queries/hosts";
import { editHost } from "@/lib/hosts/edit-host";
import { editHostConnection } from "@/lib/hosts/edit-host-connection";
import { parseSchedule } from "@/lib/jobs/cron-schedule";
import { CliError } from "../cli-error";
import type { Command, OptionValues } from "../command";
import { connectionEditOptions, connectionFromOptions } from "../edit-connection";
import { hostSettingOptions } from "../host-setting-options";
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
    "hosts edit NAME [--app-root PATH …] [--service UNIT|none] [--unit-file PATH|none] [--python PATH|none]\n" +
    "             [--user NAME|none]\n" +
    "             [--entry MODULE[:ATTR] … | --entry none] [--max-files N] [--timeout SECONDS]\n" +
    "             [--startup-cost | --no-startup-cost] [--schedule CRON|off]\n" +
    "             [--ssh USER@HOST[:PORT]] [--agent | --identity FILE | --password-stdin | --private-key-stdin]\n" +
    "             [--jump USER@HOST[:PORT]|none] [--jump-identity FILE|none] [--json]",
  summary: "Change a saved host: what the dashboard's edit form changes (its name and kind stay).",
  help:
    "--app-root replaces the list of app roots when given (repeat it for several); so does --entry for the\n" +
    "entry points added to those derived from ExecStart (--entry none clears them). A changed address asks\n" +
    "for its host key again at the next connection; a stored password or key is kept unless replaced.",
  options: {
    ...hostSettingOptions(true),
    "startup-cost": {
      type: "boolean",
      description: "Measure what the blocked startup modules cost to compile.",
      default: "unchanged",
    },
    ...connectionEditOptions,
    json: { type: "boolean", description: "Print the saved host as JSON.", default: "off" },
  },
  positionals: { min: 1, max: 1 },
  async run(values, [name]) {
    const host = await getHostOrThrow(name!);
    const schedule = stringOption(values, "schedule");
    const nextSchedule = schedule === undefined ? undefined : schedule === "off" ? null : parseSchedule(schedule);
    const unitFile = optional(values, "unit-file");
    const by = cliActor();
    // Checked before anything is saved, so a bad address or key leaves the host as it was.
    const connection = await connectionFromOptions(host, values);
    const edited = await editHost(
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
      by,
    );
    const row = connection ? await editHostConnection(edited, connection, by) : edited;
    if (values.json) printJson(toHostView(row));
    else printOut(`Updated host ${row.name}\n`);
    return 0;
  },
};
