import type { Readable } from "node:stream";

/**
 * How DeployLens runs one command on a target. Nothing above this layer knows whether it is
 * SSH or this machine. The command is a fixed program text with no user-supplied strings;
 * user input travels on stdin or as base64 arguments (see lib/collector/run-collector.ts).
 */
export interface Transport {
  /** Runs `command` (a shell command line on the target), writes `stdin` to it and closes it. */
  exec(command: string, options: { stdin?: string | Buffer; signal?: AbortSignal }): Promise<ExecHandle>;
  close(): Promise<void>;
}

export interface ExecHandle {
  stdout: Readable;
  /** Resolves when the command ends, with everything it wrote to stderr (capped). */
  done: Promise<{ exitCode: number | null; signal: string | null; stderr: string }>;
}

/** A failure with a stable code the UI and CLI can show and tests can assert on. */
export class TransportError extends Error {
  override name = "TransportError";
  constructor(
    readonly code: TransportErrorCode,
    message: string,
    readonly details: Record<string, string> = {},
  ) {
    super(message);
  }
}

export type TransportErrorCode =
  | "host-key-unknown"
  | "host-key-changed"
  | "auth-failed"
  | "connect-timeout"
  | "connect-failed"
  | "jump-failed"
  | "timeout"
  | "exec-failed";
