import "server-only";
import { isErrorCode, type ErrorCode } from "@/lib/error-codes";
import { AppError } from "@/lib/errors";
import { observerEventSchema, type ObserverEvent } from "@/lib/snapshot/observation-schema";
import type { ObserverSpec } from "@/lib/collector/observer-spec";
import type { Transport } from "@/lib/transport/types";
import { observerCommand } from "./collector-command";
import { observeProgram } from "./observe-program";
import { readLines } from "./read-lines";

export type ObserverResult = Extract<ObserverEvent, { type: "observation" }>;

const MAX_OBSERVER_BYTES = 64 * 1024 * 1024;
/** Beyond the observer's own timeout: its post-start checks and the connection's round trips. */
const GRACE_SECONDS = 60;

/** An observation that could not be made (no snapshot yet, no start seen, no inotify): a 409 with its code. */
export class ObserveFailedError extends AppError {
  constructor(code: ErrorCode, message: string) {
    super(code, message);
  }
}

/** One of the observer's typed lines, or null for anything else (a login shell's banner). */
function eventOf(text: string): ObserverEvent | null {
  if (!text) return null;
  try {
    const event = observerEventSchema.safeParse(JSON.parse(text));
    return event.success ? event.data : null;
  } catch {
    return null;
  }
}

/**
 * Runs the observer over an open transport. `onArmed` is called once its watches are in place, with how
 * many directories it watches: the service's start must come after that.
 */
export async function runObserver(
  transport: Transport,
  spec: ObserverSpec,
  onArmed: (directories: number) => void | Promise<void>,
): Promise<ObserverResult> {
  // Aborted at its deadline, or at once when onArmed fails (a refused restart): the observer must not linger.
  const stop = new AbortController();
  const signal = AbortSignal.any([stop.signal, AbortSignal.timeout((spec.timeoutSeconds + GRACE_SECONDS) * 1000)]);
  const handle = await transport.exec(observerCommand(), { stdin: observeProgram(spec), signal });
  let final: ObserverEvent | null = null;
  try {
    for await (const line of readLines(handle.stdout, MAX_OBSERVER_BYTES)) {
      const event = eventOf(line.toString("utf8").trim());
      if (event?.type === "armed") await onArmed(event.directories);
      else if (event) final = event;
    }
  } catch (error) {
    stop.abort();
    await handle.done.catch(() => undefined);
    throw error;
  }
  const exit = await handle.done;
  if (final?.type === "observation") return final;
  if (final?.type === "error")
    throw new ObserveFailedError(isErrorCode(final.code) ? final.code : "observe-failed", final.message);
  const why = exit.stderr.trim().split("\n").slice(-2).join(" | ").slice(0, 500) || `exit ${exit.exitCode}`;
  throw new ObserveFailedError("observe-failed", `the observer gave no answer on the target (${why})`);
}
