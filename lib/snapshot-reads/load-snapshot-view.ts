import "server-only";
import { cache } from "react";
import { snapshotJsonOf } from "@/lib/snapshot-reads/snapshot-json";
import { baseUrl } from "@/lib/base-url";
import { getSnapshotAndViewOrThrow } from "./snapshot-and-view";

/**
 * The snapshot the page's widgets render, once per request: each widget streams in its own <Suspense> but
 * the row is read (and, for a snapshot stored without its view, the blob analysed) only once.
 */
export const loadSnapshotView = cache(async (id: string) => {
  const { row, view } = await getSnapshotAndViewOrThrow(id);
  return snapshotJsonOf(row, view, baseUrl());
});
