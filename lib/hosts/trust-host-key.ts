import "server-only";
import { z } from "zod";
import { NO_ACTOR, recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { getHostOrThrow, pinHostKey } from "@/lib/db/queries/hosts";
import { findHostKeySighting } from "@/lib/db/queries/host-key-sightings";
import { listHostKeyFailures } from "@/lib/db/queries/snapshots";
import type { HostRow } from "@/lib/db/queries/hosts";
import { listJumpHops } from "@/lib/db/host-columns";
import { ConflictError, ValidationError } from "@/lib/errors";
import { MAX_JUMP_HOPS } from "./host-input";
import { decodeErrorDetails } from "@/lib/db/snapshot-columns";

const fingerprint = z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/, "an OpenSSH SHA256 fingerprint");

export const trustInputSchema = z.object({
  fingerprint,
  endpoint: z.enum(["target", "jump"]).default("target"),
  /** With endpoint "jump": which jump host of a chain, 1 (the first, the default) being the one dialled directly. */
  hop: z.number().int().min(1).max(MAX_JUMP_HOPS).optional(),
  /** The pin being replaced, named explicitly: a pin is never replaced by accident. */
  replace: fingerprint.optional(),
});

export type TrustInput = z.input<typeof trustInputSchema>;

type Endpoint = { endpoint: "target" | "jump"; hop: number };

function address(host: HostRow, { endpoint, hop }: Endpoint) {
  if (endpoint === "target") return { host: host.sshHost, port: host.sshPort ?? 22, pinned: host.hostKeySha256 };
  const jump = listJumpHops(host)[hop - 1];
  return { host: jump?.host ?? null, port: jump?.port ?? 22, pinned: jump?.keySha256 ?? null };
}

/**
 * Did this server itself see that endpoint (that hop of a chain), at its current address, present this key?
 * Either a failed collection recorded it, or a "Test connection" of the host form did (before the host was saved).
 */
async function serverSaw(host: HostRow, which: Endpoint, presented: string): Promise<boolean> {
  const where = address(host, which);
  if (where.host && (await findHostKeySighting(where.host, where.port, presented))) return true;
  for (const snapshot of await listHostKeyFailures(host.id)) {
    const details = decodeErrorDetails(snapshot.errorDetails);
    if (!details || details.endpoint !== which.endpoint || details.fingerprint !== presented) continue;
    if (which.endpoint === "jump" && (details.hop ?? 1) !== which.hop) continue;
    if (details.host === where.host && details.port === where.port) return true;
  }
  return false;
}

/**
 * Pins a host key the user checked. Only a fingerprint the server recorded for that endpoint in a failed
 * collection can be pinned, and an existing different pin is replaced only when `replace` names it. Records
 * `host-key-accepted` or `host-key-replaced` for `by`, also when the key was already pinned.
 */
export async function trustHostKey(idOrName: string, raw: TrustInput, by: AuditActor = NO_ACTOR): Promise<HostRow> {
  const input = trustInputSchema.parse(raw);
  const host = await pinCheckedKey(idOrName, input);
  const detail = {
    endpoint: input.endpoint,
    ...(input.hop !== undefined ? { hop: input.hop } : {}),
    fingerprint: input.fingerprint,
    previous: input.replace ?? null,
  };
  const action = input.replace ? "host-key-replaced" : "host-key-accepted";
  await recordAudit({ ...by, action, object: { type: "host", id: host.name }, detail });
  return host;
}

async function pinCheckedKey(idOrName: string, input: z.output<typeof trustInputSchema>): Promise<HostRow> {
  const host = await getHostOrThrow(idOrName);
  const endpoint: Endpoint = { endpoint: input.endpoint, hop: input.hop ?? 1 };
  const hops = listJumpHops(host).length;
  const which =
    input.endpoint === "jump" ? `the jump host${hops > 1 ? ` ${endpoint.hop}` : ""} of ${host.name}` : host.name;
  if (input.endpoint === "target" && input.hop !== undefined) {
    throw new ValidationError('hop names a jump host of a chain: use it with endpoint "jump"');
  }
  if (input.endpoint === "jump" && hops < endpoint.hop) {
    const has = hops === 0 ? "no jump host" : `${hops} jump host${hops > 1 ? "s" : ""}`;
    throw new ConflictError(`${host.name} has ${has}`, "no-jump-host");
  }
  const { pinned } = address(host, endpoint);
  if (pinned === input.fingerprint) return host;
  if (!(await serverSaw(host, endpoint, input.fingerprint))) {
    throw new ConflictError(
      `DeployLens has not seen ${which} present ${input.fingerprint}. Collect or test the connection first; a ` +
        "key can only be trusted after DeployLens itself was shown it.",
      "host-key-not-seen",
    );
  }
  if (pinned !== null && input.replace === undefined) {
    throw new ConflictError(
      `${which} already pins ${pinned}. To replace it, name the old pin: replace ${pinned}.`,
      "host-key-pinned",
    );
  }
  if (pinned !== null && input.replace !== pinned) {
    const message = `${which} pins ${pinned}, not ${input.replace}; nothing was changed.`;
    throw new ConflictError(message, "host-key-replace-mismatch");
  }
  await pinHostKey(host.id, input.endpoint, input.fingerprint, endpoint.hop);
  return getHostOrThrow(host.id);
}
