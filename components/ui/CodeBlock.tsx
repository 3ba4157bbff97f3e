/** Host output and commands, always rendered as text. */
export function CodeBlock({ children }: { children: string }) {
  return <pre className="overflow-x-auto rounded bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100">{children}</pre>;
}
