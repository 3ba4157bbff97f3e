/** One error family with an HTTP status; lib/api/to-error-response.ts maps it (and ZodError, Prisma codes). */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, key: string) {
    super(404, "not-found", `${what} ${JSON.stringify(key)} does not exist`);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, code = "conflict") {
    super(409, code, message);
  }
}

export class ValidationError extends AppError {
  constructor(message: string, code = "invalid-input") {
    super(422, code, message);
  }
}
