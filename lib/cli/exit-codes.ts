import { ZodError } from "zod";
import { AppError } from "@/lib/errors";

/**
 * What `deploylens` exits with, for scripts, cron and CI (docs/cli.md "Exit codes"). 2 means the command
 * line itself is wrong: retyping it fixes it. 1 means the command was right but the work could not be done.
 */
export const EXIT = {
  ok: 0,
  /** A collection failed, or the operation could not be done (no baseline yet, a server-side failure). */
  failed: 1,
  /** Bad input: an unknown host, snapshot or user, a duplicate name, a bad option or value. */
  usage: 2,
  /** Collections succeeded but a CI gate (--fail-under, --fail-on) did not pass. */
  gate: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * The one table from the error family's HTTP status to an exit code: what the API answers with a 4xx
 * (not found, conflict such as a duplicate name, invalid input) is the caller's input; the rest failed.
 */
const EXIT_OF_STATUS: Record<number, ExitCode> = {
  400: EXIT.usage,
  404: EXIT.usage,
  409: EXIT.usage,
  422: EXIT.usage,
};

/** Prisma's refusals that are the caller's input, as the API maps them: a taken name, a record gone. */
export const PRISMA_INPUT_ERRORS: Record<string, string> = {
  P2002: "that name is already taken",
  P2025: "the record does not exist",
};

/** A Prisma known-request error's code (P2002…), or null. */
export function prismaCodeOf(error: unknown): string | null {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  return /^P\d{4}$/.test(code) ? code : null;
}

/** The exit code an error thrown by a command ends the process with. */
export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof ZodError) return EXIT.usage;
  if (error instanceof AppError) return EXIT_OF_STATUS[error.status] ?? EXIT.failed;
  if ((prismaCodeOf(error) ?? "") in PRISMA_INPUT_ERRORS) return EXIT.usage;
  return EXIT.failed;
}
