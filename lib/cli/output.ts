import { EXIT } from "./exit-codes";
import { safeDocument, safeJson, safeText } from "./safe-text";

/** Messages and tables: target-supplied text in them can never drive the terminal. */
export function printOut(text: string): void {
  process.stdout.write(safeText(text));
}

export function printErr(text: string): void {
  process.stderr.write(safeText(text));
}

export function printJson(value: unknown): void {
  process.stdout.write(`${safeJson(value)}\n`);
}

/**
 * A machine format (CSV, Markdown, an export) as its exporter made it, which escaped what it carries from the
 * target itself: the same bytes the API serves (see safeDocument), CSV's CRLF row ends included.
 */
export function printDocument(text: string): void {
  process.stdout.write(safeDocument(text));
}

/**
 * A reader that went away (`deploylens export web --csv | head -1`) ends the command quietly with 0, as
 * gh does, instead of an EPIPE stack trace: the reader has all it asked for.
 */
export function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
      process.exit(EXIT.ok);
    });
  }
}

/**
 * Resolves once everything written so far has reached the OS. Writes to a pipe are queued when the
 * reader is slow; exiting before this would cut the output (at 64 KiB, a pipe's buffer).
 */
export function flushOutput(): Promise<void> {
  const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write("", () => resolve()));
  return Promise.all([flushed(process.stdout), flushed(process.stderr)]).then(() => undefined);
}
