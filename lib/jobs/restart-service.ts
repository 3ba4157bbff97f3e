import "server-only";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import type { Transport } from "@/lib/transport/types";

/** systemd's unit name characters, less the backslash: a name that needs no quoting in a POSIX shell. */
const SAFE_UNIT = /^[A-Za-z0-9:_.@-]+$/;

export function isRestartableUnit(unit: string | null): unit is string {
  return unit !== null && SAFE_UNIT.test(unit) && !unit.startsWith("-");
}

/**
 * `systemctl restart -- UNIT` on the target: the one write DeployLens makes, only when a user asks for it
 * by name (`observe --restart`), and audited before it runs.
 */
export async function restartService(transport: Transport, unit: string, host: string, actor: AuditActor) {
  if (!isRestartableUnit(unit)) throw new AppError("bad-unit", `cannot restart ${JSON.stringify(unit)}`);
  await recordAudit({ ...actor, action: "service-restarted", object: { type: "host", id: host }, detail: { unit } });
  const handle = await transport.exec(`systemctl restart -- ${unit}`, { signal: AbortSignal.timeout(120_000) });
  handle.stdout.resume();
  const exit = await handle.done;
  if (exit.exitCode !== 0) {
    const why = exit.stderr.trim().split("\n").slice(-1)[0]?.slice(0, 300) || `exit ${exit.exitCode}`;
    throw new AppError("restart-failed", `systemctl restart ${unit} failed: ${why}`);
  }
}
