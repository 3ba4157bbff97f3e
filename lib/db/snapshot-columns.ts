import { z } from "zod";
import type { Snapshot } from "./generated/client";
import { regressionSchema, type Regression } from "@/lib/snapshot/regression";
import { snapshotViewSchema } from "@/lib/analysis/snapshot-view-schema";
import type { SnapshotView } from "@/lib/analysis/snapshot-view";
import { compressBlob, decompressBlob } from "@/lib/snapshot/blob-codec";
import { parseErrorDetails, type ErrorDetails } from "@/lib/snapshot/error-details";
import { measurementsSchema, type Measurements } from "@/lib/snapshot/schema";

/**
 * The JSON columns of a Snapshot row back to data, one decoder per column, each checked by its schema, and
 * their encoders for the one write: the queries return rows decoded (decodeSnapshot), so no code outside
 * lib/db sees their JSON text.
 */

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Snapshot.measurements: the run's timings. They were validated before they were stored, so a bad value throws. */
export function decodeMeasurements(column: string | null): Measurements | null {
  return column ? measurementsSchema.parse(JSON.parse(column)) : null;
}

/**
 * Snapshot.regressions; null = none found. A value that does not parse reads as an empty list rather than
 * breaking a list (it still marks the snapshot, as the stored text did, but names no reason).
 */
export function decodeRegressions(column: string | null): Regression[] | null {
  if (column === null) return null;
  const parsed = z.array(regressionSchema).safeParse(parseJson(column));
  return parsed.success ? parsed.data : [];
}

/** Snapshot.regressions as stored: null when none were found. */
export function encodeRegressions(regressions: Regression[]): string | null {
  return regressions.length ? JSON.stringify(regressions) : null;
}

/** Snapshot.criticalFindingIds: the critical findings' rule ids; null when not recorded (or unreadable). */
export function decodeCriticalFindingIds(column: string | null): string[] | null {
  if (column === null) return null;
  const parsed = z.array(z.string()).safeParse(parseJson(column));
  return parsed.success ? parsed.data : null;
}

/** Snapshot.criticalFindingIds as stored: null for a row that records none (a failed collection). */
export function encodeCriticalFindingIds(ids: string[] | null | undefined): string | null {
  return ids ? JSON.stringify(ids) : null;
}

/** Snapshot.errorDetails: a failure's recorded facts, or null when there are none (or they do not parse). */
export function decodeErrorDetails(column: string | null): ErrorDetails | null {
  return parseErrorDetails(column);
}

/** The JSON text columns of a Snapshot row as data (the view, a compressed blob, is decoded where it is read). */
export type DecodedSnapshotColumns = {
  measurements: Measurements | null;
  regressions: Regression[] | null;
  errorDetails: ErrorDetails | null;
  criticalFindingIds: string[] | null;
};

/** A snapshot row as the queries return it. */
export type SnapshotRecord = Omit<Snapshot, keyof DecodedSnapshotColumns> & DecodedSnapshotColumns;

export function decodeSnapshot<T extends Pick<Snapshot, keyof DecodedSnapshotColumns>>(
  row: T,
): Omit<T, keyof DecodedSnapshotColumns> & DecodedSnapshotColumns {
  return {
    ...row,
    measurements: decodeMeasurements(row.measurements),
    regressions: decodeRegressions(row.regressions),
    errorDetails: decodeErrorDetails(row.errorDetails),
    criticalFindingIds: decodeCriticalFindingIds(row.criticalFindingIds),
  };
}

/** The JSON columns as a new row stores them. */
export function encodeSnapshotColumns(columns: {
  measurements?: Measurements | null;
  regressions?: Regression[];
  errorDetails?: ErrorDetails | null;
  criticalFindingIds?: string[] | null;
}): Pick<Snapshot, keyof DecodedSnapshotColumns> {
  return {
    measurements: columns.measurements ? JSON.stringify(columns.measurements) : null,
    regressions: encodeRegressions(columns.regressions ?? []),
    errorDetails: columns.errorDetails ? JSON.stringify(columns.errorDetails) : null,
    criticalFindingIds: encodeCriticalFindingIds(columns.criticalFindingIds),
  };
}

/** A view inflates to at most this: far above any real one, low enough that a damaged value cannot exhaust memory. */
const VIEW_MAX_BYTES = 256 * 1024 * 1024;

/** Snapshot.view as stored: brotli-compressed JSON (its startup closure repeats the same paths). */
export function encodeView(view: SnapshotView): Uint8Array<ArrayBuffer> {
  // Prisma's Bytes type wants a plain ArrayBuffer-backed array, not a pooled Buffer.
  return new Uint8Array(compressBlob(Buffer.from(JSON.stringify(view))));
}

/** Snapshot.view; null when the snapshot has none (failed, or stored before it was recorded) or it does not parse. */
export function decodeView(column: Uint8Array | null): SnapshotView | null {
  if (!column) return null;
  let text: string;
  try {
    text = decompressBlob(column, VIEW_MAX_BYTES).toString("utf8");
  } catch {
    return null;
  }
  const parsed = snapshotViewSchema.safeParse(parseJson(text));
  return parsed.success ? parsed.data : null;
}
