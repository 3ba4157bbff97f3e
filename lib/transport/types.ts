import type { Readable } from "node:stream";
import { AppError } from "@/lib/errors";

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

/** What a connection failure knows about where it happened: the host-key facts the trust route relies on. */
export type TransportErrorDetails = {
  endpoint?: "target" | "jump";
  /** In a chain of jump hosts: which one (1 = the one dialled directly). */
  hop?: number;
  host?: string;
  port?: number;
  /** The SHA256 fingerprint the endpoint presented. */
  fingerprint?: string;
  /** The fingerprint that was pinned, when it differs from the presented one. */
  pinned?: string;
  /** At a jump host: the code the failure had there. */
  cause?: string;
};

/** A failure with a stable code the UI and CLI can show and tests can assert on. */
export class TransportError extends AppError {
  constructor(
    override readonly code: TransportErrorCode,
    message: string,
    override readonly details: TransportErrorDetails = {},
  ) {
    super(code, message, details as Record<string, string | number>);
  }
}

export type TransportErrorCode =
  | "host-key-unknown"
  | "host-key-changed"
  | "auth-failed"
  | "key-passphrase-missing"
  | "key-passphrase-wrong"
  | "key-unreadable"
  | "connect-timeout"
  | "connect-failed"
  | "jump-failed"
  | "timeout"
  | "connection-lost"
  | "exec-failed";
