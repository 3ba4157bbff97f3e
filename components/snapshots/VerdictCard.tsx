import { CodeBlock } from "@/components/ui/CodeBlock";
import { SeverityBadge } from "@/components/ui/SeverityBadge";
import type { Verdict } from "@/lib/analysis/verdict";

const FRAME = {
  ok: "border-l-emerald-500",
  info: "border-l-sky-500",
  warning: "border-l-amber-500",
  critical: "border-l-red-500",
} as const;

const LABEL = { ok: "working", info: "note", warning: "warning", critical: "critical" } as const;

/** The one answer a reader wants first: what happens at every start, why, and the first thing to change. */
export function VerdictCard({ verdict, note }: { verdict: Verdict; note?: string | null }) {
  return (
    <section
      aria-labelledby="verdict-title"
      data-testid="verdict"
      className={`space-y-3 rounded-lg border border-l-4 border-slate-200 bg-white p-5 shadow-sm ${FRAME[verdict.tone]}`}
    >
      <div className="flex flex-col items-start gap-2 sm:flex-row sm:items-baseline sm:gap-3">
        <SeverityBadge level={verdict.tone}>{LABEL[verdict.tone]}</SeverityBadge>
        <h2 id="verdict-title" className="min-w-0 flex-1 text-lg leading-snug font-semibold">
          {verdict.sentence}
        </h2>
      </div>
      {note && (
        <p className="text-sm text-amber-800" data-testid="identity-note">
          {note}
        </p>
      )}
      {verdict.fix && (
        <div className="space-y-2 text-sm">
          <p>
            <span className="font-semibold">Fix: </span>
            {verdict.fix.text}
          </p>
          {verdict.fix.code && <CodeBlock label="Copy the fix">{verdict.fix.code}</CodeBlock>}
        </div>
      )}
      {verdict.findingId && (
        <p className="text-sm">
          <a href={`#${verdict.findingId}`} className="text-slate-700 underline">
            Why, the evidence and the other fixes
          </a>
        </p>
      )}
    </section>
  );
}
