import { ERROR_STATUS, type ErrorCode } from "./error-codes";

/**
 * The one error family. Every failure a user can fix has its own stable `code` and a message that says
 * what to do; lib/http/to-error-response.ts maps these (and ZodError, Prisma codes) to HTTP, the CLI to an
 * exit code, a failed collection stores `code` and `details`. Nothing anywhere matches on `message`.
 */
export class AppError extends Error {
  /** From the one table, lib/error-codes.ts: the code decides the status. */
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Facts a caller may act on (an endpoint, a fingerprint); never a secret. */
    readonly details: Record<string, string | number> = {},
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, key: string) {
    super("not-found", `${what} ${JSON.stringify(key)} does not exist`);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, code: ErrorCode = "conflict") {
    super(code, message);
  }
}

export class ValidationError extends AppError {
  constructor(message: string, code: ErrorCode = "invalid-input") {
    super(code, message);
  }
}

/** The server's own setup keeps it from doing the job (a key file, a credential): the user must fix it. */
export class SetupError extends AppError {
  constructor(code: ErrorCode, message: string) {
    super(code, message);
  }
}
