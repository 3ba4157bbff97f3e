import { EXIT, type ExitCode } from "./exit-codes";

/** A problem the CLI itself found: printed as one line on stderr; exit 2 (bad input) unless told otherwise. */
export class CliError extends Error {
  override name = "CliError";
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.usage,
  ) {
    super(message);
  }
}
