/**
 * A wide table's own horizontal scroller, so the page never scrolls sideways. It is a labelled region the
 * keyboard can reach (Tab, then arrow keys), with the same visible focus ring as every control.
 */
export function ScrollBox({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="relative max-w-full min-w-0 overflow-x-auto rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
    >
      {children}
    </div>
  );
}
