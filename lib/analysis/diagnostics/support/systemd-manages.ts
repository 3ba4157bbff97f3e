import type { Facts } from "./facts";

/**
 * Whether a fix can be a systemd one: there is a unit, and systemd runs on the target. Where the unit
 * file was only read and systemd is not PID 1 (a container, a supervisor, a shell script), editing the
 * unit changes nothing: fixes are then written for how the process really starts.
 */
export function systemdManages(f: Facts): boolean {
  return f.service.unit !== null && f.service.source !== "none" && f.service.systemdRunning !== false;
}
