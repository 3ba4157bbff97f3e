import "server-only";
import { cache } from "react";
import { toSnapshotJson } from "@/lib/api/snapshot-json";
import { baseUrl } from "@/lib/base-url";
import { toSnapshotInput } from "@/lib/db/load-snapshot";
import { getSnapshotOrThrow } from "@/lib/db/queries/snapshots";

/**
 * The decoded snapshot the page's widgets render, once per request: each widget streams in its own
 * <Suspense> but the blob is decompressed and analysed only once.
 */
export const loadSnapshotView = cache(async (id: string) => {
  const row = await getSnapshotOrThrow(id);
  return toSnapshotJson(row, await toSnapshotInput(row), baseUrl());
});
