import { CopyButton } from "./CopyButton";

/** Host output and commands, always rendered as text, with a button that copies them exactly. */
export function CodeBlock({ children, label = "Copy code" }: { children: string; label?: string }) {
  return (
    <div className="relative">
      <pre className="overflow-x-auto rounded bg-slate-900 p-3 pr-16 font-mono text-xs leading-relaxed text-slate-100">
        {children}
      </pre>
      <div className="absolute top-2 right-2">
        <CopyButton text={children} label={label} />
      </div>
    </div>
  );
}
