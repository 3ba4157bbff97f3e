"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { FileRow } from "@/lib/analysis/file-rows";
import { FILE_PAGE_SIZE, type FirstFilePage } from "./file-table-filter";

/**
 * The file table's rows, fetched a page at a time as they scroll into view. A new filter starts over; answers
 * to an older filter are dropped, so fast typing never shows stale rows. The rows the server rendered with
 * (`first`, when they were read for this filter) stand in for the start of the first page until it is fetched.
 */
export function useFilePages(snapshotId: string, filter: string, first?: FirstFilePage) {
  const seeded = first?.filter === filter ? first : null;
  const [total, setTotal] = useState<number | null>(seeded?.total ?? null);
  const [pages, setPages] = useState<Map<number, FileRow[]>>(() => new Map());
  const [seedRows, setSeedRows] = useState<FileRow[]>(seeded?.rows ?? []);
  const [error, setError] = useState<string | null>(null);
  const requested = useRef(new Set<number>());
  const generation = useRef(0);
  // Until the first page of a new filter answers, the table still shows the old filter's rows and asks for their
  // pages; those requests would each scan the whole snapshot on the server for nothing.
  const counted = useRef(seeded !== null);
  // The server's rows stand for the filter they were read with: only a later filter starts over.
  const keepSeed = useRef(seeded !== null);

  const load = useCallback(
    async (page: number) => {
      if (requested.current.has(page) || (page > 0 && !counted.current)) return;
      requested.current.add(page);
      const mine = generation.current;
      try {
        const response = await fetch(
          `/api/snapshots/${snapshotId}/files?${filter}&offset=${page * FILE_PAGE_SIZE}&limit=${FILE_PAGE_SIZE}`,
        );
        const body = (await response.json()) as {
          data?: { total: number; rows: FileRow[] };
          error?: { message: string };
        };
        if (mine !== generation.current) return;
        if (!body.data) throw new Error(body.error?.message ?? `the server answered ${response.status}`);
        const { total, rows } = body.data;
        counted.current = true;
        setTotal(total);
        setPages((old) => new Map(old).set(page, rows));
      } catch (e) {
        requested.current.delete(page);
        if (mine === generation.current) setError(e instanceof Error ? e.message : String(e));
      }
    },
    [snapshotId, filter],
  );

  useEffect(() => {
    if (keepSeed.current) {
      keepSeed.current = false;
      return;
    }
    generation.current++;
    requested.current = new Set();
    counted.current = false;
    setPages(new Map());
    setSeedRows([]);
    setTotal(null);
    setError(null);
    void load(0);
  }, [load]);

  const rowAt = (index: number): FileRow | undefined =>
    pages.get(Math.floor(index / FILE_PAGE_SIZE))?.[index % FILE_PAGE_SIZE] ?? seedRows[index];
  return { total, rowAt, load, error };
}
