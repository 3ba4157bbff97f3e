import "server-only";
import { ERROR_CODES, type ErrorCode } from "@/lib/error-codes";
import { z } from "zod";
import { TransportError, type Transport } from "@/lib/transport/types";
import { collectorCommand } from "./collector-command";
import { probeProgram } from "./probe-program";
import { readLines } from "./read-lines";
import type { CollectorSpec } from "./spec";

export const probeResultSchema = z.object({
  type: z.literal("probe"),
  login: z.string().max(256),
  interpreter: z.object({
    path: z.string().max(4096),
    version: z.string().max(64),
    source: z.enum(["setting", "login"]),
    /** False when the named interpreter is one the collector will not run (someone else can change it). */
    trusted: z.boolean().optional(),
  }),
  unit: z
    .object({
      name: z.string().max(512),
      found: z.boolean(),
      source: z.string().max(32).nullable(),
      path: z.string().max(4096).nullable(),
    })
    .nullable(),
  roots: z.array(z.object({ path: z.string().max(4096), exists: z.boolean(), readable: z.boolean() })).max(100),
});
const probeErrorSchema = z.object({
  type: z.literal("error"),
  code: z.string().max(64).pipe(z.enum(ERROR_CODES)),
  message: z.string().max(600),
});

export type ProbeResult = z.infer<typeof probeResultSchema>;
export type ProbeOutcome = { ok: true; probe: ProbeResult } | { ok: false; code: ErrorCode; message: string };

const PROBE_SECONDS = 30;
const MAX_PROBE_BYTES = 256 * 1024;

/** Runs the probe over an open transport under the collector's command line (-I -S -B, `env -i`). */
export async function runProbe(transport: Transport, spec: CollectorSpec): Promise<ProbeOutcome> {
  const signal = AbortSignal.timeout(PROBE_SECONDS * 1000);
  const handle = await transport.exec(collectorCommand(spec), { stdin: probeProgram(), signal });
  let last = "";
  for await (const line of readLines(handle.stdout, MAX_PROBE_BYTES)) {
    const text = line.toString("utf8").trim();
    if (text) last = text;
  }
  const exit = await handle.done;
  let event: unknown = null;
  try {
    event = JSON.parse(last);
  } catch {
    const why = exit.stderr.trim().split("\n").slice(-2).join(" | ").slice(0, 500) || `exit ${exit.exitCode}`;
    throw new TransportError("exec-failed", `the probe gave no answer on the target (${why})`);
  }
  const ok = probeResultSchema.safeParse(event);
  if (ok.success) return { ok: true, probe: ok.data };
  const failed = probeErrorSchema.safeParse(event);
  if (failed.success) return { ok: false, code: failed.data.code, message: failed.data.message };
  throw new TransportError("exec-failed", "the probe's answer did not have the expected shape");
}
