import "server-only";
import { z } from "zod";
import { getHostOrThrow, pinHostKey } from "@/lib/db/queries/hosts";
import { findHostKeySighting } from "@/lib/db/queries/host-key-sightings";
import { listHostKeyFailures } from "@/lib/db/queries/snapshots";
import type { Host } from "@/lib/db/generated/client";
import { ConflictError } from "@/lib/errors";
import { parseErrorDetails } from "@/lib/snapshot/error-details";

const fingerprint = z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/, "an OpenSSH SHA256 fingerprint");

export const trustInputSchema = z.object({
  fingerprint,
  endpoint: z.enum(["target", "jump"]).default("target"),
  /** The pin being replaced, named explicitly: a pin is never replaced by accident. */
  replace: fingerprint.optional(),
});

export type TrustInput = z.input<typeof trustInputSchema>;

function address(host: Host, endpoint: "target" | "jump") {
  return endpoint === "target"
    ? { host: host.sshHost, port: host.sshPort ?? 22, pinned: host.hostKeySha256 }
    : { host: host.jumpHost, port: host.jumpPort ?? 22, pinned: host.jumpKeySha256 };
}

/**
 * Did this server itself see that endpoint, at its current address, present this fingerprint? Either a failed
 * collection recorded it, or a "Test connection" of the host form did (before the host was saved).
 */
async function serverSaw(host: Host, endpoint: "target" | "jump", presented: string): Promise<boolean> {
  const where = address(host, endpoint);
  if (where.host && (await findHostKeySighting(where.host, where.port, presented))) return true;
  for (const snapshot of await listHostKeyFailures(host.id)) {
    const details = parseErrorDetails(snapshot.errorDetails);
    if (!details || details.endpoint !== endpoint || details.fingerprint !== presented) continue;
    if (details.host === where.host && details.port === where.port) return true;
  }
  return false;
}

/**
 * Pins a host key the user checked. Only a fingerprint the server recorded for that endpoint in a failed
 * collection can be pinned, and an existing different pin is replaced only when `replace` names it.
 */
export async function trustHostKey(idOrName: string, raw: TrustInput): Promise<Host> {
  const input = trustInputSchema.parse(raw);
  const host = await getHostOrThrow(idOrName);
  const which = input.endpoint === "jump" ? `the jump host of ${host.name}` : host.name;
  if (input.endpoint === "jump" && !host.jumpHost) {
    throw new ConflictError(`${host.name} has no jump host`, "no-jump-host");
  }
  const { pinned } = address(host, input.endpoint);
  if (pinned === input.fingerprint) return host;
  if (!(await serverSaw(host, input.endpoint, input.fingerprint))) {
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
  await pinHostKey(host.id, input.endpoint, input.fingerprint);
  return getHostOrThrow(host.id);
}
