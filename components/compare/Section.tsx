"use client";

import { useEffect, useRef } from "react";
import { replaceView } from "@/lib/compare/view-state";

type Props = {
  id: string;
  title: string;
  differences: number;
  /** Collapsed when the page was loaded. */
  closed: boolean;
  /** Record opening and closing in the URL (not on a public share, whose URL is the token). */
  remember: boolean;
  /** Show the rows even without differences (the "Only differences" toggle is off). */
  showSame: boolean;
  children: React.ReactNode;
};

/** Writes whether section `id` is open to `?closed=` with replaceState (no navigation, no history entry). */
function writeOpenState(id: string, open: boolean) {
  const query = replaceView(window.location.search, (view) => {
    const others = view.closed.filter((other) => other !== id);
    return { ...view, closed: open ? others : [...others, id] };
  });
  window.history.replaceState(null, "", `${window.location.pathname}${query}`);
}

/**
 * A collapsible comparison section (native <details>, so Enter/Space on the title toggle it). Its open state is
 * written to `?closed=` with replaceState, so a reload or a copied link shows the same sections collapsed.
 */
export function Section({ id, title, differences, closed, remember, showSame, children }: Props) {
  const details = useRef<HTMLDetailsElement>(null);
  // The browser toggles a <details> before React has hydrated the page, and that toggle reaches no handler:
  // once hydrated, a section the reader already opened or closed is written as it now is.
  useEffect(() => {
    const open = details.current?.open;
    if (remember && open !== undefined && open === closed) writeOpenState(id, open);
  }, [id, closed, remember]);
  return (
    <details
      ref={details}
      id={id}
      open={!closed}
      onToggle={(event) => remember && writeOpenState(id, event.currentTarget.open)}
      data-section={id}
      className="group rounded-lg border border-slate-200 bg-white"
    >
      <summary className="flex cursor-pointer items-center gap-2 rounded-lg px-5 py-3 text-base font-semibold">
        <span aria-hidden="true" className="text-xs text-slate-600 transition-transform group-open:rotate-90">
          ▶
        </span>
        <h2>{title}</h2>
        <span
          className={`rounded px-1.5 text-xs font-medium ${differences ? "bg-amber-100 text-amber-800" : "bg-slate-100 text-slate-600"}`}
        >
          {differences ? `${differences} difference${differences === 1 ? "" : "s"}` : "same"}
        </span>
      </summary>
      <div className="space-y-2 px-5 pb-5">
        {differences === 0 && <p className="text-sm text-slate-600">No differences.</p>}
        {(differences > 0 || showSame) && children}
      </div>
    </details>
  );
}
