import "server-only";
import type { ErrorCode } from "@/lib/error-codes";
import { eventLoopTurns } from "@/lib/event-loop-turns";
import type { Readable } from "node:stream";
import type { ProgressEvent } from "@/lib/snapshot/collector-events";
import type { Inventory, Measurements } from "@/lib/snapshot/schema";
import { TransportError, type Transport } from "@/lib/transport/types";
import type { InventoryBlobWriter } from "@/lib/snapshot/inventory-blob-writer";
import type { SourceTable } from "@/lib/snapshot/source-table";
import { collectorCommand, directCollectorCommand, mayBeTooOld, SAFE_INTERPRETER } from "./collector-command";
import { collectorProgram } from "./collector-program";
import { InventoryRecordsSink } from "./inventory-records-sink";
import { parseEvent } from "./parse-event";
import { maxOutputBytes } from "./max-output-bytes";
import { LineTooLongError, OutputTooLargeError, readLines } from "./read-lines";
import { collectorSpecSchema, type CollectorSpec } from "./spec";

export type CollectorOutcome =
  | { ok: true; inventory: Inventory; measurements: Measurements; sourceTables?: SourceTable[] }
  | { ok: false; code: ErrorCode; message: string };

export type RunCollectorOptions = {
  onProgress?(event: ProgressEvent): void;
  signal?: AbortSignal;
  /** Absolute path of the interpreter that RUNS the collector (default: python3 on PATH, else /usr/bin/python3). */
  python?: string;
  /** Receives every record as it arrives (the store step's blob); the caller finishes or aborts it. */
  blobWriter?: InventoryBlobWriter;
  /**
   * Keep the sources packed (lib/snapshot/source-table.ts): the outcome's roots then carry no sources and
   * `sourceTables` holds them, so a large inventory is never held as one object per file.
   */
  compactSources?: boolean;
};

type Final =
  | { kind: "result"; inventory: Inventory; measurements: Measurements; sourceTables?: SourceTable[] }
  | { kind: "error"; code: ErrorCode; message: string };
/** `cut`: the output broke a size limit, so reading stopped and the collector is to be stopped too. */
type Reading = {
  final: Final | null;
  problem: string | null;
  cut: { code: "collector-output-too-large" | "collector-output-invalid"; message: string } | null;
  lines: number;
};

const fail = (code: ErrorCode, message: string): CollectorOutcome => ({ ok: false, code, message });

async function readEvents(
  stdout: Readable,
  { onProgress, blobWriter, compactSources }: RunCollectorOptions,
  maxBytes: number,
): Promise<Reading> {
  const reading: Reading = { final: null, problem: null, cut: null, lines: 0 };
  const records = new InventoryRecordsSink(blobWriter, compactSources);
  // The collector's output may arrive faster than it is parsed: pause for requests between its lines.
  const turn = eventLoopTurns();
  let lineNumber = 0;
  try {
    for await (const line of readLines(stdout, maxBytes)) {
      lineNumber++;
      await turn();
      // After a problem, keep draining: a collector blocked on a full pipe would never exit.
      if (reading.problem !== null || line.length === 0) continue;
      reading.lines++;
      const parsed = parseEvent(line, lineNumber);
      if ("problem" in parsed) reading.problem = parsed.problem;
      else if (reading.final !== null)
        reading.problem = `line ${lineNumber}: a ${parsed.event.type} event after the final ${reading.final.kind} event`;
      else if (parsed.event.type === "progress") onProgress?.(parsed.event);
      else if (parsed.event.type === "records") {
        const problem = records.add(parsed.event);
        if (problem !== null) reading.problem = `line ${lineNumber}: ${problem}`;
        else await records.drained();
      } else if (parsed.event.type === "result") {
        const inventory = records.join(parsed.event.inventory);
        if (typeof inventory === "string") reading.problem = `line ${lineNumber} (result event): ${inventory}`;
        else {
          const sourceTables = records.sourceTables(inventory.roots.length) ?? undefined;
          reading.final = { kind: "result", inventory, measurements: parsed.event.measurements, sourceTables };
        }
      } else reading.final = { kind: "error", code: parsed.event.code, message: parsed.event.message };
    }
  } catch (error) {
    if (error instanceof OutputTooLargeError)
      reading.cut = { code: "collector-output-too-large", message: error.message };
    else if (error instanceof LineTooLongError)
      reading.cut = { code: "collector-output-invalid", message: error.message };
    else throw error;
  }
  return reading;
}

function lastLines(text: string, count = 3): string {
  return text.trim().split("\n").slice(-count).join(" | ").slice(0, 1000);
}

function outcomeOf(
  reading: Reading,
  exit: { exitCode: number | null; signal: string | null; stderr: string },
): CollectorOutcome {
  if (reading.problem !== null) return fail("collector-output-invalid", reading.problem);
  const final = reading.final;
  if (final?.kind === "error") return fail(final.code, final.message);
  const how = exit.exitCode !== null ? `exit status ${exit.exitCode}` : `signal ${exit.signal ?? "unknown"}`;
  if (exit.exitCode !== 0) {
    const after = final ? " after its result" : "";
    return fail(
      "collector-crashed",
      `the collector ended with ${how}${after}${exit.stderr.trim() ? `: ${lastLines(exit.stderr)}` : ""}`,
    );
  }
  if (!final) return fail("collector-output-invalid", "the collector exited without a result or error event");
  const { inventory, measurements, sourceTables } = final;
  return sourceTables ? { ok: true, inventory, measurements, sourceTables } : { ok: true, inventory, measurements };
}

/**
 * Runs the collector (lib/collector/python) on the target through any transport and returns its
 * validated result. Target-side failures never throw: they come back as { ok: false, code }.
 */
export async function runCollector(
  transport: Transport,
  spec: CollectorSpec,
  opts: RunCollectorOptions = {},
): Promise<CollectorOutcome> {
  const checked = collectorSpecSchema.safeParse(spec);
  if (!checked.success)
    return fail("bad-spec", checked.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  if (opts.python !== undefined && !SAFE_INTERPRETER.test(opts.python))
    return fail("bad-spec", `python must be an absolute path, got ${JSON.stringify(opts.python)}`);
  const maxBytes = maxOutputBytes();
  // Stops the collector when its output passes a cap, without waiting for it to finish.
  const cap = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, cap.signal]) : cap.signal;
  const run = (command: string) => runOnce(transport, command, { ...opts, signal }, cap, maxBytes);
  try {
    const direct = await run(directCollectorCommand(checked.data, opts.python));
    if (signal.aborted || !mayBeTooOld(direct.run)) return direct.outcome;
    return (await run(collectorCommand(checked.data, opts.python))).outcome;
  } catch (error) {
    if (error instanceof TransportError) return fail(error.code, error.message);
    if (opts.signal?.aborted) return fail("aborted", `the collection was aborted (${String(opts.signal.reason)})`);
    throw error;
  }
}

/** One exec of the collector: its outcome, and how far it got (for mayBeTooOld). */
async function runOnce(
  transport: Transport,
  command: string,
  opts: RunCollectorOptions & { signal: AbortSignal },
  cap: AbortController,
  maxBytes: number,
): Promise<{ outcome: CollectorOutcome; run: Parameters<typeof mayBeTooOld>[0] }> {
  const handle = await transport.exec(command, { stdin: collectorProgram(), signal: opts.signal });
  const reading = await readEvents(handle.stdout, opts, maxBytes);
  if (reading.cut !== null) {
    cap.abort(new Error(reading.cut.message));
    await handle.done.catch(() => {});
    return {
      outcome: fail(reading.cut.code, reading.cut.message),
      run: { lines: 1, errorCode: null, exitCode: 0 },
    };
  }
  const exit = await handle.done;
  const errorCode = reading.final?.kind === "error" ? reading.final.code : null;
  return { outcome: outcomeOf(reading, exit), run: { lines: reading.lines, errorCode, exitCode: exit.exitCode } };
}
