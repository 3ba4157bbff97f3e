import "server-only";
import type { ErrorCode } from "@/lib/error-codes";
import { z } from "zod";
import { runProbe, type ProbeResult } from "@/lib/collector/run-probe";
import type { HostRow } from "@/lib/db/queries/hosts";
import { recordHostKeySighting } from "@/lib/db/queries/host-key-sightings";
import { getHostOrThrow } from "@/lib/db/queries/hosts";
import { AppError } from "@/lib/errors";
import { hostInputSchema, type HostInput } from "./host-input";
import { hostRowData } from "./host-row-data";
import { keptPins } from "./kept-pins";
import { openHostTransport } from "./open-host-transport";
import { specForHost } from "./spec-for-host";
import { savedFormFields } from "./saved-form-fields";

const fingerprint = z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/, "an OpenSSH SHA256 fingerprint");

export const connectionTestSchema = z.object({
  /** The saved host being edited, whose stored secrets and pins apply while the form leaves them unchanged. */
  hostId: z.string().min(1).max(200).optional(),
  /** The form's settings, saved or not (hostInputSchema). */
  host: z.record(z.string(), z.unknown()),
  /** Keys the user accepted in the form and not yet saved: the test connects only when they match. */
  pins: z.object({ target: fingerprint.optional(), jump: fingerprint.optional() }).default({}),
});

export type ConnectionTest =
  | { ok: true; keys: { target: string | null; jump: string | null }; probe: ProbeResult }
  | { ok: false; code: ErrorCode; message: string; details: Record<string, string | number> };

type Pins = { target?: string; jump?: string };

/** A Host that exists only for this test: never written, and it never pins a key by itself. */
function transientHost(input: HostInput, saved: HostRow | null, pins: Pins): HostRow {
  const { connection, ...common } = hostRowData(input);
  // The saved pins apply while their addresses stay, every hop of a chain included.
  const kept = connection ? keptPins(saved, connection) : { hostKeySha256: null, jumpKeySha256: null, jumpChain: null };
  const now = new Date();
  return {
    ...{ sshUser: null, sshHost: null, sshPort: null, authMethod: null, identityFile: null, secretCipher: null },
    ...{
      jumpUser: null,
      jumpHost: null,
      jumpPort: null,
      jumpAuthMethod: null,
      jumpIdentityFile: null,
      jumpChain: null,
    },
    ...common,
    ...connection,
    id: saved?.id ?? "unsaved",
    schedule: null,
    baselineSnapshotId: null,
    createdAt: now,
    updatedAt: now,
    ...kept,
    hostKeySha256: pins.target ?? kept.hostKeySha256,
    jumpKeySha256: pins.jump ?? kept.jumpKeySha256,
    acceptNextHostKey: false,
  };
}

/** A refused key is recorded as seen at its address, so the structured trust flow can pin it after saving. */
async function failure(error: AppError): Promise<ConnectionTest> {
  const { host, port, fingerprint: seen } = error.details;
  const keyRefused = error.code === "host-key-unknown" || error.code === "host-key-changed";
  if (keyRefused && typeof host === "string" && typeof port === "number" && typeof seen === "string") {
    await recordHostKeySighting(host, port, seen);
  }
  return { ok: false, code: error.code, message: error.message, details: error.details };
}

/**
 * "Test connection" on the host form: connects with the form's settings (a saved host's stored secret fills a
 * blank one), shows the keys it met, and runs the read-only probe (Python, unit, app roots). Nothing is saved
 * but the sighting of a refused key.
 */
export async function testConnection(raw: unknown): Promise<ConnectionTest> {
  const { hostId, host: body, pins } = connectionTestSchema.parse(raw);
  const saved = hostId ? await getHostOrThrow(hostId) : null;
  // A name is not needed to test; a blank one is not an error yet.
  const named = { ...body, name: saved?.name ?? (body.name || "unsaved-host") };
  const fields = saved ? { ...savedFormFields(named, saved), transport: saved.transport } : named;
  const host = transientHost(hostInputSchema.parse(fields), saved, pins);
  try {
    const transport = await openHostTransport(host);
    try {
      const outcome = await runProbe(transport, specForHost(host));
      if (!outcome.ok) return { ok: false, code: outcome.code, message: outcome.message, details: {} };
      return { ok: true, keys: { target: host.hostKeySha256, jump: host.jumpKeySha256 }, probe: outcome.probe };
    } finally {
      await transport.close();
    }
  } catch (error) {
    if (error instanceof AppError) return failure(error);
    throw error;
  }
}
