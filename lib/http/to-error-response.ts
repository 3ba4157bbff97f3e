import { ZodError } from "zod";
import { isDatabaseBusy } from "@/lib/db/database-busy";
import { ERROR_STATUS, type ErrorCode } from "@/lib/error-codes";
import { AppError } from "@/lib/errors";

type PrismaKnownError = { code: string; meta?: { target?: unknown } };

function isPrismaKnownError(error: unknown): error is PrismaKnownError {
  return (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    /^P\d{4}$/.test(String((error as PrismaKnownError).code))
  );
}

type Issue = { path: (string | number)[]; message: string };

/** The error envelope `{ error: { code, message } }` at a status of the caller's choosing. */
export function errorBody(
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
  issues?: Issue[],
): Response {
  return Response.json({ error: { code, message, ...(issues && { issues }) } }, { status, headers });
}

/** A failure that is not an AppError answers with one of the API's own codes, at that code's status. */
function codeBody(code: ErrorCode, message: string, headers?: Record<string, string>, issues?: Issue[]): Response {
  return errorBody(ERROR_STATUS[code], code, message, headers, issues);
}

/** An AppError may carry response headers (429's Retry-After). */
const headersOf = (error: AppError) => ("headers" in error ? (error.headers as Record<string, string>) : undefined);

/** Maps every error to `{ error: { code, message } }`; internals never leak in a 500. */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof AppError) return errorBody(error.status, error.code, error.message, headersOf(error));
  if (error instanceof ZodError) {
    const message = error.issues.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`).join("; ");
    // The issues as data too, so a form puts each message next to the field it concerns.
    const issues = error.issues.map((issue) => ({
      path: issue.path.map((p) => (typeof p === "symbol" ? "" : p)),
      message: issue.message,
    }));
    return codeBody("invalid-input", message, undefined, issues);
  }
  if (isPrismaKnownError(error)) {
    if (error.code === "P2002") return codeBody("conflict", "a record with that name already exists");
    if (error.code === "P2025") return codeBody("not-found", "the record does not exist");
  }
  if (isDatabaseBusy(error)) {
    // Another process held the database's write lock past the wait: nothing was written, try again.
    return codeBody("database-busy", "the database is locked by another process; try again", {
      "Retry-After": "5",
    });
  }
  console.error("deploylens: unexpected error", error);
  return codeBody("internal", "internal error; see the server log");
}
