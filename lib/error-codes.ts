/**
 * The API's own error codes, each with its one HTTP status. toErrorResponse answers with these for what is not
 * an AppError (a ZodError, a Prisma code, a busy database, anything unexpected), and each AppError family takes
 * its status from here: a ConflictError is a 409 whatever its more specific code ("host-key-pinned", "self").
 */
export const ERROR_STATUS = {
  "invalid-input": 422,
  unauthorized: 401,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  "too-many-attempts": 429,
  "database-busy": 503,
  internal: 500,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;
