/** A grey placeholder of a widget's shape while its data loads. */
export function Skeleton({ className = "h-24" }: { className?: string }) {
  return <div aria-hidden="true" className={`animate-pulse rounded-lg bg-slate-200 ${className}`} />;
}

/** The page-level loading state: a title bar and one block per widget, announced once to screen readers. */
export function PageSkeleton({ widgets = 3 }: { widgets?: number }) {
  return (
    <div className="space-y-6" role="status" aria-label="Loading">
      <Skeleton className="h-8 w-72" />
      {Array.from({ length: widgets }, (_, i) => (
        <Skeleton key={i} className={i === 0 ? "h-40" : "h-24"} />
      ))}
    </div>
  );
}
