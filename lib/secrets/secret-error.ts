import { AppError } from "@/lib/errors";

export type SecretErrorCode =
  | "bad-key"
  | "key-file-insecure"
  | "key-file-unreadable"
  | "malformed-envelope"
  | "wrong-key"
  | "decrypt-failed"
  | "invalid-credential";

/** A credential-store failure with a stable code; messages say what to do, never the secret. */
export class SecretError extends AppError {
  constructor(code: SecretErrorCode, message: string) {
    super(code, message);
  }
}
