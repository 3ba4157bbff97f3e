import { CopyButton } from "./CopyButton";

/**
 * Host output and commands, always rendered as text, with a button that copies them exactly. The button
 * sits in its own bar above the text, so a long command can never run under it; long words wrap at any
 * character (paths and commands have no other break points) instead of widening the page.
 */
export function CodeBlock({ children, label = "Copy code" }: { children: string; label?: string }) {
  return (
    <div className="min-w-0 rounded bg-slate-900 text-slate-100">
      <div className="flex justify-end px-2 pt-2">
        <CopyButton text={children} label={label} />
      </div>
      <pre className="overflow-x-auto px-3 pt-1 pb-3 font-mono text-xs leading-relaxed whitespace-pre-wrap [overflow-wrap:anywhere]">
        {children}
      </pre>
    </div>
  );
}
