"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { usePathname, useSearchParams } from "next/navigation";
import { useDeferredValue, useEffect, useRef, useState } from "react";
import { useFilePages } from "./use-file-pages";
import {
  FILE_PAGE_SIZE,
  OVERSCAN,
  ROW_HEIGHT,
  SCROLLER_PX,
  fileTableFilter,
  statusesOf,
  type FirstFilePage,
} from "./file-table-filter";
import { ScrollBox } from "@/components/ui/ScrollBox";
import { FileExplorerRow, FILE_GRID } from "./FileExplorerRow";

const STATUSES = ["fresh", "stale", "missing", "unreadable"] as const;

/**
 * Search, filter and scroll every source of a snapshot; only the visible rows exist in the DOM. `firstPage`, read
 * by the server for the URL's filters, puts the first rows in the page's HTML.
 */
export function FileExplorer({ snapshotId, firstPage }: { snapshotId: string; firstPage?: FirstFilePage }) {
  const pathname = usePathname();
  const params = useSearchParams();
  const [query, setQuery] = useState(params.get("q") ?? "");
  const [statuses, setStatuses] = useState(statusesOf(params.get("status")));
  const [blocked, setBlocked] = useState(params.get("blocked") === "1");
  const deferredQuery = useDeferredValue(query);
  const search = useRef<HTMLInputElement>(null);
  const filters = useRef<HTMLFieldSetElement>(null);
  // The table's first rows come with the HTML, so the search box and the filters are there before the scripts:
  // what was typed or ticked before they ran fired no change event, and is taken up once they have.
  useEffect(() => {
    const typed = search.current?.value;
    if (typed !== undefined && typed !== query) setQuery(typed);
    const boxes = filters.current?.querySelectorAll<HTMLInputElement>("input[data-filter]") ?? [];
    const ticked = new Set([...boxes].filter((box) => box.checked).map((box) => box.dataset.filter ?? ""));
    const tickedStatuses = STATUSES.filter((status) => ticked.has(status));
    if (tickedStatuses.join() !== STATUSES.filter((status) => statuses.has(status)).join())
      setStatuses(new Set(tickedStatuses));
    if (ticked.has("blocked") !== blocked) setBlocked(ticked.has("blocked"));
    // Once, at hydration: later changes go through onChange.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const filterString = fileTableFilter(deferredQuery, statuses, blocked);

  // The filters live in the URL, so a link reproduces the view. The native history call updates it at once and
  // asks the server for nothing (router.replace would re-render the whole page on every keystroke, and a slow
  // render could land after a newer one).
  useEffect(() => {
    const next = new URLSearchParams(window.location.search);
    for (const key of ["q", "status", "blocked"]) next.delete(key);
    for (const [key, value] of new URLSearchParams(filterString)) next.set(key, value);
    const search = next.size ? `?${next}` : "";
    if (search !== window.location.search) window.history.replaceState(null, "", `${pathname}${search}`);
  }, [filterString, pathname]);

  const { total, rowAt, load, error } = useFilePages(snapshotId, filterString, firstPage);
  const scroller = useRef<HTMLDivElement>(null);
  // Another filter's rows start from the top, like any new list; the old scroll offset means nothing in them.
  useEffect(() => {
    scroller.current?.scrollTo(0, 0);
  }, [filterString]);
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    initialRect: { width: 0, height: SCROLLER_PX },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    for (let page = Math.floor(first / FILE_PAGE_SIZE); page <= Math.floor(last / FILE_PAGE_SIZE); page++)
      void load(page);
  }, [first, last, load]);

  function toggleStatus(status: string) {
    setStatuses((old) => {
      const next = new Set(old);
      if (!next.delete(status)) next.add(status);
      return next;
    });
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <label className="flex items-center gap-2">
          <span>Search files</span>
          <input
            ref={search}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="path or name"
            className="w-56 max-w-full rounded border border-slate-300 bg-white px-2 py-1"
          />
        </label>
        <fieldset ref={filters} className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <legend className="sr-only">Status</legend>
          {STATUSES.map((status) => (
            <label key={status} className="flex items-center gap-1">
              <input
                type="checkbox"
                data-filter={status}
                checked={statuses.has(status)}
                onChange={() => toggleStatus(status)}
              />
              {status}
            </label>
          ))}
          <label className="flex items-center gap-1">
            <input
              type="checkbox"
              data-filter="blocked"
              checked={blocked}
              onChange={(e) => setBlocked(e.target.checked)}
            />
            blocked only
          </label>
        </fieldset>
        <span aria-live="polite" className="text-slate-600">
          {total === null ? "loading…" : `${total.toLocaleString("en")} ${total === 1 ? "file" : "files"}`}
        </span>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-800">
          Could not load files: {error}
        </p>
      )}
      <ScrollBox label="File table">
        <div
          role="table"
          aria-label="Files"
          aria-rowcount={total ?? 0}
          className="min-w-[40rem] rounded border border-slate-200 text-xs"
        >
          <div role="row" className={`${FILE_GRID} border-b border-slate-200 bg-slate-100 font-medium`}>
            {["Path", "Status", "Blocked", "Bytecode file", "Reason"].map((h) => (
              <span role="columnheader" key={h} className="truncate px-2 py-1">
                {h}
              </span>
            ))}
          </div>
          <div ref={scroller} className="h-[28rem] overflow-auto" data-testid="file-scroller">
            {total === 0 && (
              <p role="row" className="px-2 py-2 font-sans text-sm text-slate-600" data-testid="no-file-matches">
                <span role="cell">No file matches.</span>
              </p>
            )}
            <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
              {items.map((item) => (
                <FileExplorerRow
                  key={item.key}
                  row={rowAt(item.index)}
                  index={item.index}
                  start={item.start}
                  height={ROW_HEIGHT}
                />
              ))}
            </div>
          </div>
        </div>
      </ScrollBox>
    </div>
  );
}
