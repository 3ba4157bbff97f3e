import type { Source } from "./schema";
import { pycKindSchema, sourceStatusSchema, staleReasonSchema } from "./schema-bounds";

// What a comparison needs of a source besides its path, packed into one small integer: its status, why a pyc
// is rejected, and the pyc's kind (a million sources a side travel as bytes and these codes, not as objects).

export const STATUSES: readonly Source["status"][] = sourceStatusSchema.options;
export const REASONS: readonly Source["reason"][] = [null, ...staleReasonSchema.options];
export const PYC_KINDS: readonly Source["pyc"][] = [null, ...pycKindSchema.options];

/** Codes run from 0 to SOURCE_CODES - 1: a table indexed by code holds one entry for each combination. */
export const SOURCE_CODES = 1 << 7;

/** The code of a source's status, reason and pyc kind; -1 when one of them is not a value the contract allows. */
export function sourceCode(status: string, reason: string | null, pyc: string | null): number {
  const s = STATUSES.indexOf(status as Source["status"]);
  const r = REASONS.indexOf(reason as Source["reason"]);
  const p = PYC_KINDS.indexOf(pyc as Source["pyc"]);
  return s < 0 || r < 0 || p < 0 ? -1 : packCode(s, r, p);
}

/** The code of the values at these indices of STATUSES, REASONS and PYC_KINDS. */
export const packCode = (status: number, reason: number, pyc: number) => status | (reason << 2) | (pyc << 5);

export const statusOfCode = (code: number): Source["status"] => STATUSES[code & 3]!;
export const reasonOfCode = (code: number): Source["reason"] => REASONS[(code >> 2) & 7] ?? null;
export const pycOfCode = (code: number): Source["pyc"] => PYC_KINDS[code >> 5] ?? null;

/** Whether two codes name the same status (what makes a file a difference between two snapshots). */
export const sameStatus = (a: number, b: number) => (a & 3) === (b & 3);
