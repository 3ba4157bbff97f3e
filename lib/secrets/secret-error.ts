export type SecretErrorCode =
  | "bad-key"
  | "key-file-insecure"
  | "malformed-envelope"
  | "wrong-key"
  | "decrypt-failed"
  | "invalid-credential";

/** A credential-store failure with a stable code; messages say what to do, never the secret. */
export class SecretError extends Error {
  override name = "SecretError";
  constructor(
    readonly code: SecretErrorCode,
    message: string,
  ) {
    super(message);
  }
}
