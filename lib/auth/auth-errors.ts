import type { ErrorCode } from "@/lib/error-codes";
import { AppError } from "@/lib/errors";

export class UnauthorizedError extends AppError {
  constructor(message = "sign in first") {
    super("unauthorized", message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string, code: ErrorCode = "forbidden") {
    super(code, message);
  }
}

/** 429 with the seconds to wait: lib/http/to-error-response.ts turns `headers` into response headers. */
export class TooManyAttemptsError extends AppError {
  readonly headers: Record<string, string>;
  constructor(readonly retryAfterSeconds: number) {
    super("too-many-attempts", `too many failed sign-ins; try again in ${retryAfterSeconds} s`);
    this.headers = { "retry-after": String(retryAfterSeconds) };
  }
}
