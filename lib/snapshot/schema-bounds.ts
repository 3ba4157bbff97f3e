import { z } from "zod";

// The bounds and the small building blocks of the collector contract (schema.ts and its parts).

// Bounds, generous but finite: output that exceeds them is not from a collector we know.
/** PATH_MAX. */
export const PATH_MAX = 4096;
/** Names, versions, tags, hex words. */
export const NAME_MAX = 1024;
/** Reasons, details, explanations and error messages. */
export const MESSAGE_MAX = 64 * 1024;
/** One environment value or command-line word: the kernel's MAX_ARG_STRLEN. */
export const ARG_MAX = 128 * 1024;
/** Per-file arrays (sources, pycs, directories) of one root: the largest maxFiles a host may set. */
export const FILES_MAX = 5_000_000;
/** Smaller lists: groups, mounts, packages, argv words, config files, environment entries. */
export const LIST_MAX = 100_000;

export const path = z.string().max(PATH_MAX);
export const name = z.string().max(NAME_MAX);
export const message = z.string().max(MESSAGE_MAX);
export const epochSeconds = z.number();

/** A string record with at most `max` keys (zod records have no .max()). */
export const boundedRecord = (value: z.ZodString, max = LIST_MAX) =>
  z.record(name, value).refine((r) => Object.keys(r).length <= max, { message: `more than ${max} entries` });

/** The environment as the collector sends it: allow-listed values, the rest redacted on the target. */
export const environmentSchema = boundedRecord(z.string().max(ARG_MAX));

/** How a pyc is validated, why it is rejected, and what a source's cache state is (PEP 552). */
export const pycKindSchema = z.enum(["timestamp", "checked-hash", "unchecked-hash"]);
export const staleReasonSchema = z.enum(["magic", "flags", "mtime", "size", "hash", "truncated", "unreadable-pyc"]);
export const sourceStatusSchema = z.enum(["fresh", "stale", "missing", "unreadable"]);
