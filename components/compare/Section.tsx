/** A comparison section: its title, how many differences, and "No differences" when there are none. */
export function Section({
  id,
  title,
  differences,
  children,
}: {
  id: string;
  title: string;
  differences: number;
  children: React.ReactNode;
}) {
  return (
    <section id={id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-5" data-section={id}>
      <h2 className="flex items-center gap-2 text-base font-semibold">
        {title}
        <span
          className={`rounded px-1.5 text-xs font-medium ${differences ? "bg-amber-100 text-amber-800" : "bg-slate-100 text-slate-600"}`}
        >
          {differences ? `${differences} difference${differences === 1 ? "" : "s"}` : "same"}
        </span>
      </h2>
      {differences === 0 ? <p className="text-sm text-slate-500">No differences.</p> : children}
    </section>
  );
}
