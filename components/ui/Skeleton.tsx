/**
 * A widget's placeholder while its data streams in: the card's frame with grey bars, announced to screen
 * readers as loading. The page has already answered 200 by then, so it never stands in for a 404.
 */
export function Skeleton({ label, lines = 3 }: { label: string; lines?: number }) {
  return (
    <div
      role="status"
      aria-busy="true"
      data-testid="skeleton"
      className="animate-pulse space-y-3 rounded-lg border border-slate-200 bg-white p-5"
    >
      <div className="h-4 w-1/3 rounded bg-slate-200" />
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="h-3 rounded bg-slate-100" style={{ width: `${90 - i * 15}%` }} />
      ))}
      <span className="sr-only">Loading {label}…</span>
    </div>
  );
}
