import { safeDocument, safeJson, safeText } from "./safe-text";

/** Everything the CLI prints goes through these, so target-supplied text can never drive the terminal. */
export function printOut(text: string): void {
  process.stdout.write(safeText(text));
}

/** An export document (Markdown, CSV): the same bytes the API serves (see safeDocument). */
export function printDocument(text: string): void {
  process.stdout.write(safeDocument(text));
}

export function printErr(text: string): void {
  process.stderr.write(safeText(text));
}

export function printJson(value: unknown): void {
  process.stdout.write(`${safeJson(value)}\n`);
}

/**
 * Resolves once everything written so far has reached the OS. Writes to a pipe are queued when the
 * reader is slow; exiting before this would cut the output (at 64 KiB, a pipe's buffer).
 */
export function flushOutput(): Promise<void> {
  const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write("", () => resolve()));
  return Promise.all([flushed(process.stdout), flushed(process.stderr)]).then(() => undefined);
}

/** A progress line on a terminal, redrawn in place: our own \r and erase codes around safe text. */
export function printProgress(text: string): void {
  process.stderr.write(`\r${safeText(text)}   `);
}

export function clearProgress(): void {
  process.stderr.write("\r\x1b[K");
}
