import { getHostOrThrow } from "@/lib/db/queries/hosts";
import { updateHostSchedule } from "@/lib/db/queries/host-updates";
import { nextRunAfter, parseSchedule } from "@/lib/jobs/cron-schedule";
import type { Command } from "../command";
import { printOut } from "../output";

export const scheduleCommand: Command = {
  words: ["schedule"],
  synopsis: 'schedule NAME ("CRON" | off)',
  summary: 'Collect a host on a cron schedule while the dashboard runs (e.g. "0 * * * *" hourly), or stop.',
  help: "Five fields (minute hour day month weekday), or six with seconds first. Times are the server's local time.",
  options: {},
  positionals: { min: 2, max: 2 },
  async run(_values, [name, text]) {
    const host = await getHostOrThrow(name!);
    const schedule = text === "off" ? null : parseSchedule(text!);
    await updateHostSchedule(host.id, schedule);
    const next = schedule ? nextRunAfter(schedule, new Date()) : null;
    printOut(
      schedule
        ? `${host.name} is collected on "${schedule}"; next run ${next?.toISOString() ?? "never"}\n`
        : `${host.name} has no schedule\n`,
    );
    return 0;
  },
};
