/**
 * What the dashboard's thread and its SQLite thread (sqlite-worker.ts) say to each other: one call of
 * Prisma's driver adapter each way, numbered, and its answer. Errors cross as data and are rebuilt with the
 * fields the callers read: Prisma's own `DriverAdapterError` is known by its name and its `cause` (the
 * mapped SQLite error), and isDatabaseBusy reads `code`, `rawCode` and that cause.
 */
export type AdapterOp =
  | "queryRaw"
  | "executeRaw"
  | "executeScript"
  | "startTransaction"
  | "commit"
  | "rollback"
  | "createSavepoint"
  | "rollbackToSavepoint"
  | "releaseSavepoint"
  | "dispose";

/** `tx`: the transaction the call belongs to (its number from startTransaction), or none. */
export type AdapterCall = { id: number; op: AdapterOp; tx?: number; arg?: unknown };

export type WireError = {
  name: string;
  message: string;
  stack?: string;
  code?: unknown;
  rawCode?: unknown;
  cause?: unknown;
};

export type AdapterReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WireError };

/** The fields of an error that survive the crossing (a cause that cannot be cloned is dropped). */
export function toWireError(error: unknown): WireError {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const { code, rawCode } = error as { code?: unknown; rawCode?: unknown };
  let cause: unknown = error.cause;
  try {
    cause = cause instanceof Error ? toWireError(cause) : structuredClone(cause);
  } catch {
    cause = undefined;
  }
  return { name: error.name, message: error.message, stack: error.stack, code, rawCode, cause };
}

/** The error as the caller's thread throws it: an Error with the same name, message and fields. */
export function fromWireError(wire: WireError): Error {
  const error = Object.assign(new Error(wire.message), { code: wire.code, rawCode: wire.rawCode });
  error.name = wire.name;
  if (wire.stack) error.stack = wire.stack;
  if (wire.cause !== undefined) error.cause = wire.cause;
  return error;
}
