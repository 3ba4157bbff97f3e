import "server-only";
import { spawn } from "node:child_process";
import { PassThrough, pipeline } from "node:stream";
import { killProcessGroup, trackProcessGroup, untrackProcessGroup } from "./local-process-groups";
import { captureStderr } from "./ssh-stderr-capture";
import { TransportError, type ExecHandle, type Transport } from "./types";

type ExecOptions = { stdin?: string | Buffer; signal?: AbortSignal };

/**
 * "This machine": the command runs under /bin/sh like an SSH exec would. The command is fixed text
 * built by run-collector (user input travels on stdin or as base64), so the shell adds no risk.
 */
export function createLocalTransport(): Transport {
  return {
    exec: async (command, options) => localExec(command, options),
    close: async () => {},
  };
}

function localExec(command: string, { stdin, signal }: ExecOptions): ExecHandle {
  signal?.throwIfAborted();
  // Its own process group, so an abort also stops what the command started (the collector's helpers).
  const child = spawn("/bin/sh", ["-c", command], { stdio: ["pipe", "pipe", "pipe"], detached: true });
  trackProcessGroup(child.pid);
  // A PassThrough, as in the SSH transport: callers read stdout with backpressure and cannot write.
  const stdout = new PassThrough();
  pipeline(child.stdout, stdout, () => {});
  const stderr = captureStderr(child.stderr);
  const done = new Promise<{ exitCode: number | null; signal: string | null; stderr: string }>((resolve, reject) => {
    const onAbort = () => {
      killProcessGroup(child.pid);
      stdout.destroy(signal?.reason instanceof Error ? signal.reason : undefined);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    child.on("error", (err) => {
      signal?.removeEventListener("abort", onAbort);
      reject(new TransportError("exec-failed", `Cannot start /bin/sh: ${err.message}`));
    });
    child.on("close", (exitCode, signalName) => {
      untrackProcessGroup(child.pid);
      signal?.removeEventListener("abort", onAbort);
      resolve({ exitCode, signal: signalName, stderr: stderr() });
    });
  });
  done.catch(() => {});
  // The command may exit without reading all of stdin (EPIPE); its exit status tells what happened.
  child.stdin.on("error", () => {});
  child.stdin.end(stdin ?? undefined);
  return { stdout, done };
}
