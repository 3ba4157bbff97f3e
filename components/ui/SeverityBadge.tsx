const STYLES = {
  critical: "bg-red-100 text-red-800 ring-red-200",
  warning: "bg-amber-100 text-amber-800 ring-amber-200",
  info: "bg-sky-100 text-sky-800 ring-sky-200",
  ok: "bg-emerald-100 text-emerald-800 ring-emerald-200",
  failed: "bg-red-100 text-red-800 ring-red-200",
} as const;

export function SeverityBadge({ level, children }: { level: keyof typeof STYLES; children?: React.ReactNode }) {
  return (
    <span
      className={`inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLES[level]}`}
    >
      {children ?? level}
    </span>
  );
}
