/**
 * Every error code DeployLens emits, each with its one HTTP status: an AppError takes its status from here,
 * and toErrorResponse answers with the first group for what is not an AppError (a ZodError, a Prisma code, a
 * busy database, anything unexpected). Codes a collection or an observation ends with are listed too: they
 * are stored with a failed snapshot, shown by the CLI and the pages, and some reach an API answer.
 * A new code is added here first; nothing else may invent one.
 */
export const ERROR_STATUS = {
  // The API's own.
  "invalid-input": 422,
  unauthorized: 401,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  "too-many-attempts": 429,
  "database-busy": 503,
  internal: 500,

  // A request refused before it reached a handler (lib/auth/request-guard.ts), or by a role or link.
  "misdirected-request": 421,
  "cross-site-request": 403,
  "unsupported-media-type": 415,
  "role-required": 403,
  "bad-setup-token": 403,

  // Input that cannot be used as it is.
  "invalid-schedule": 422,
  "bad-unit": 422,
  "snapshot-failed": 422,

  // The state of what is stored forbids the change.
  self: 409,
  "already-set-up": 409,
  "no-jump-host": 409,
  "host-key-pinned": 409,
  "host-key-replace-mismatch": 409,
  "host-key-not-seen": 409,

  // The server's own setup or credential store: the operator must fix it.
  "identity-file-missing": 500,
  "identity-file-unreadable": 500,
  "no-identity-file": 500,
  "no-stored-credential": 500,
  "unknown-auth-method": 500,
  "bad-max-output-bytes": 500,
  "inventory-blob-too-large": 500,
  "inventory-blob-damaged": 500,
  "bad-key": 500,
  "key-file-insecure": 500,
  "key-file-unreadable": 500,
  "malformed-envelope": 500,
  "wrong-key": 500,
  "decrypt-failed": 500,
  "invalid-credential": 500,

  // Reaching the target (lib/transport): the gateway, in HTTP's words, failed.
  "host-key-unknown": 502,
  "host-key-changed": 502,
  "auth-failed": 502,
  "key-passphrase-missing": 502,
  "key-passphrase-wrong": 502,
  "key-unreadable": 502,
  "connect-timeout": 502,
  "connect-failed": 502,
  "jump-failed": 502,
  timeout: 502,
  "connection-lost": 502,
  "exec-failed": 502,
  "restart-failed": 502,

  // What a collection ends with on the target (lib/collector/python, run-collector.ts): stored with the
  // failed snapshot.
  aborted: 502,
  "collector-output-too-large": 502,
  "collector-output-invalid": 502,
  "collector-crashed": 502,
  "collector-python-too-old": 502,
  "no-python": 502,
  "unsupported-python": 502,
  "interpreter-untrusted": 502,
  "unit-not-found": 502,
  "unknown-user": 502,
  "helper-failed": 502,
  "container-engine-missing": 502,
  "container-engine-denied": 502,
  "container-inspect-failed": 502,
  "container-not-found": 502,
  "container-not-running": 502,
  "container-root-unreadable": 502,
  "probe-failed": 502,

  // An observation that could not be made (lib/collector/observe, run-observer.ts); `bad-spec` is also what a
  // collection ends with when DeployLens sent the collector a spec it refuses.
  "bad-spec": 409,
  "no-snapshot": 409,
  "no-interpreter": 409,
  "observe-failed": 409,
  "inotify-unavailable": 409,
  "inotify-limit": 409,
  "events-lost": 409,
  "no-start": 409,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The codes as a list, for a schema that accepts only these (the target's error lines). */
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

/** Narrows a code read from outside (a stored row, the target's output) to one DeployLens emits. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_STATUS, code);
}
