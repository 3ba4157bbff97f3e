import { Cron } from "croner";
import { ValidationError } from "@/lib/errors";

/** Checks a cron expression (5 fields, or 6 with seconds first) and returns it trimmed; "off" is not one. */
export function parseSchedule(text: string): string {
  const pattern = text.trim().replace(/\s+/g, " ");
  try {
    new Cron(pattern, { paused: true }).stop();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ValidationError(`not a cron expression: ${JSON.stringify(text)} (${reason})`, "invalid-schedule");
  }
  return pattern;
}

/** When a schedule fires next after `from` (null when it never will). */
export function nextRunAfter(schedule: string, from: Date): Date | null {
  return new Cron(schedule, { paused: true }).nextRun(from);
}
