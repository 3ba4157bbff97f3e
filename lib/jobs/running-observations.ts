import "server-only";
import { randomUUID } from "node:crypto";
import type { HostRow } from "@/lib/db/queries/hosts";
import type { ErrorCode } from "@/lib/error-codes";
import { AppError } from "@/lib/errors";
import { observeHost, type ObserveOptions } from "./observe-host";

/** An observation still running in this process, or one that failed (kept for its GET, then dropped). */
export type RunningObservation =
  { state: "arming" | "watching"; directories: number | null } | { state: "failed"; code: ErrorCode; message: string };

const running = new Map<string, RunningObservation>();
/** Failed runs stay readable this long, so the page that started one can show why. */
const KEEP_FAILED_MS = 10 * 60 * 1000;

/**
 * Starts observing a host in the background and returns the id its observation will be stored under:
 * `GET /api/hosts/:id/observations/:obsId` answers "watching" until the start has gone quiet.
 */
export function startObservation(host: HostRow, options: Omit<ObserveOptions, "id" | "onArmed">): string {
  const id = randomUUID();
  running.set(id, { state: "arming", directories: null });
  const onArmed = (directories: number) => running.set(id, { state: "watching", directories });
  observeHost(host, { ...options, id, onArmed }).then(
    () => running.delete(id),
    (error: unknown) => {
      const known = error instanceof AppError;
      running.set(id, {
        state: "failed",
        code: known ? error.code : "internal",
        message: known ? error.message : "the observation failed",
      });
      setTimeout(() => running.delete(id), KEEP_FAILED_MS).unref();
    },
  );
  return id;
}

export function findRunningObservation(id: string): RunningObservation | null {
  return running.get(id) ?? null;
}
