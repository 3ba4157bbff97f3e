import { SetupError } from "@/lib/errors";

/** 20 MB is the result of ~100k sources; far beyond that the target is not what we think it is. */
export const DEFAULT_MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

/** The cap on what one collection may send back: DEPLOYLENS_MAX_OUTPUT_BYTES, else 256 MiB. */
export function maxOutputBytes(): number {
  const text = process.env.DEPLOYLENS_MAX_OUTPUT_BYTES?.trim();
  if (!text) return DEFAULT_MAX_OUTPUT_BYTES;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1024) {
    const message = `DEPLOYLENS_MAX_OUTPUT_BYTES must be a whole number of bytes ≥ 1024, got ${JSON.stringify(text)}`;
    throw new SetupError("bad-max-output-bytes", message);
  }
  return value;
}
