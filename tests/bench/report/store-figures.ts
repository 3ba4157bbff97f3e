import { median } from "../stats";
import type { BenchData, Figure } from "./bench-data";
import { bytes, count, millis, seconds } from "./format";
import { limitFigure, skippedFigure } from "./figure-row";

/** 3. Peak RSS of the dashboard process during a collection: goal ≤ 250 MB. */
export function dashboardRss(data: BenchData): Figure {
  const figure = {
    id: "dashboard-rss" as const,
    title: "Peak RSS of the dashboard (`next start`) during that collection",
    goal: "≤ 250 MB",
  };
  if (!data.rss.measured) return skippedFigure(figure, data.rss.reason);
  const rss = data.rss.figures;
  const measured = `${bytes(rss.peakBytes)} VmHWM (${bytes(rss.baselinePeakBytes)} before the collection; collected in ${seconds(rss.collectionMs)})`;
  return limitFigure(figure, rss.peakBytes, 250e6, measured, {
    peakBytes: rss.peakBytes,
    baselinePeakBytes: rss.baselinePeakBytes,
    sampledPeakBytes: rss.sampledPeakBytes,
    collectionMs: Math.round(rss.collectionMs),
  });
}

/** 4a. Bytes the first snapshot adds to the store: goal ≤ 3 MB. */
export function storeFirst(data: BenchData): Figure {
  const first = data.e2e[0]!;
  const logical = first.store.blobBytes + first.store.rowBytes;
  const measured = `${bytes(logical)} (blob ${bytes(first.store.blobBytes)} + row ${bytes(first.store.rowBytes)}; file +${bytes(first.store.fileBytes)} after checkpoint; inventory JSON ${bytes(first.rawBlobBytes ?? 0)} before compression)`;
  return limitFigure(
    { id: "store-first", title: "Bytes the first snapshot adds to the store", goal: "≤ 3 MB" },
    logical,
    3e6,
    measured,
    {
      logicalBytes: logical,
      ...first.store,
      rawBlobBytes: first.rawBlobBytes,
    },
  );
}

/** 4b. Bytes an identical re-snapshot adds: goal ≤ 2 KB (its inventory must be deduplicated). */
export function storeResnapshot(data: BenchData): Figure {
  const figure = {
    id: "store-resnapshot" as const,
    title: "Bytes an identical re-snapshot adds to the store",
    goal: "≤ 2 KB",
  };
  const again = data.resnapshot;
  if (!again) return skippedFigure(figure, "no re-snapshot was taken");
  const logical = again.store.blobBytes + again.store.rowBytes;
  const measured = `${bytes(logical)} (blob ${bytes(again.store.blobBytes)} + row ${bytes(again.store.rowBytes)}; file +${bytes(again.store.fileBytes)} after checkpoint)`;
  return limitFigure(figure, logical, 2e3, measured, { logicalBytes: logical, ...again.store });
}

/** 5. compare() of two snapshots of the base size, server-side: goal ≤ 250 ms. */
export function compareTime(data: BenchData): Figure {
  const figure = {
    id: "compare" as const,
    title: "`compare()` of two stored snapshots (tree a vs tree b)",
    goal: "≤ 250 ms",
  };
  if (!data.compare) return skippedFigure(figure, "no second snapshot to compare");
  const { compareMs, loadMs, sources, fileDifferences } = data.compare;
  const value = median(compareMs);
  const measured = `${millis(value)} (loading both: ${millis(loadMs)}; ${count(sources[0])} vs ${count(sources[1])} sources, ${count(fileDifferences)} file differences)`;
  return limitFigure(figure, value, 250, measured, {
    compareMedianMs: value,
    compareRunsMs: compareMs.map(Math.round),
    loadMs: Math.round(loadMs),
    fileDifferences,
  });
}
