import { PassThrough, pipeline, type Readable } from "node:stream";
import type { ExecHandle, Transport } from "./types";

/** A command started before anyone asked for it, its output kept until it is claimed. */
type StartedExec = {
  command: string;
  stdin: string | Buffer | undefined;
  controller: AbortController;
  claim: Promise<{ stdout: () => Readable; done: ExecHandle["done"] }>;
};

/**
 * Reads a command's output into memory until it is claimed: unread, it would fill the SSH window and hold the
 * command back. The claimed stream gives what was read, then the rest as it arrives (with backpressure).
 */
function holdOutput(stdout: Readable): () => Readable {
  const chunks: Buffer[] = [];
  let ended = false;
  let failed: Error | null = null;
  const keep = (chunk: Buffer) => chunks.push(chunk);
  stdout.on("data", keep);
  stdout.once("end", () => (ended = true));
  stdout.once("error", (error) => (failed = error));
  return () => {
    stdout.off("data", keep);
    stdout.pause();
    const out = new PassThrough();
    for (const chunk of chunks.splice(0)) out.write(chunk);
    if (failed) out.destroy(failed);
    else if (ended) out.end();
    else pipeline(stdout, out, () => {});
    return out;
  };
}

function startExec(transport: Transport, command: string, stdin: string | Buffer | undefined): StartedExec {
  const controller = new AbortController();
  const claim = transport
    .exec(command, { stdin, signal: controller.signal })
    .then((handle) => ({ stdout: holdOutput(handle.stdout), done: handle.done }));
  // Its failure reaches whoever claims it; unclaimed, it is nobody's.
  claim.catch(() => {});
  return { command, stdin, controller, claim };
}

/** Hands a started command to the caller that asks for exactly it, its signal then stopping the command. */
async function claimStarted(started: StartedExec, signal: AbortSignal | undefined): Promise<ExecHandle> {
  const stop = () => started.controller.abort(signal?.reason);
  if (signal?.aborted) stop();
  else signal?.addEventListener("abort", stop, { once: true });
  const { stdout, done } = await started.claim;
  signal?.throwIfAborted();
  return { stdout: stdout(), done };
}

/**
 * Starts `command` on the transport at once and returns the transport with it, and when the command runs: the
 * first exec of the same command and stdin gets the running command, its output from the start; any other
 * exec stops it and runs as usual. Closing the transport stops a command nobody claimed.
 */
export function withStartedExec(
  transport: Transport,
  command: string,
  stdin?: string | Buffer,
): { transport: Transport; running: Promise<unknown> } {
  let pending: StartedExec | null = startExec(transport, command, stdin);
  const running = pending.claim;
  const withStarted: Transport = {
    exec: (wanted, options) => {
      const started = pending;
      pending = null;
      if (started && started.command === wanted && started.stdin === options.stdin)
        return claimStarted(started, options.signal);
      started?.controller.abort();
      return transport.exec(wanted, options);
    },
    close: () => {
      pending?.controller.abort();
      pending = null;
      return transport.close();
    },
  };
  return { transport: withStarted, running };
}
