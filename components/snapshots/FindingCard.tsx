import { CodeBlock } from "@/components/ui/CodeBlock";
import { SeverityBadge } from "@/components/ui/SeverityBadge";
import type { SnapshotJson } from "@/lib/snapshot-reads/snapshot-json";
import { displayPath } from "@/lib/snapshot/display-path";
import { predictionText } from "@/lib/analysis/impact/impact-lines";

type Finding = SnapshotJson["findings"][number];

/** One diagnosis: the mechanism, the evidence from the host (as text), and the fix in order. */
export function FindingCard({ finding }: { finding: Finding }) {
  return (
    <article
      className="min-w-0 scroll-mt-4 space-y-3 rounded-lg border border-slate-200 bg-white p-5"
      id={finding.id}
      data-finding={finding.id}
    >
      <header className="space-y-1">
        <div className="flex items-center justify-between gap-2">
          <SeverityBadge level={finding.severity} />
          <code className="text-xs text-slate-600">{finding.id}</code>
        </div>
        <h3 className="font-semibold">{finding.title}</h3>
      </header>
      <p className="text-sm text-slate-700">{finding.detail}</p>
      {finding.startupCost && <p className="text-sm font-medium text-slate-800">{finding.startupCost}</p>}
      {finding.evidence.length > 0 && (
        <dl className="grid gap-x-3 gap-y-1 text-xs sm:grid-cols-[12rem_1fr]">
          {finding.evidence.map((e, i) => (
            <div key={i} className="contents">
              <dt className="text-slate-600">{e.label}</dt>
              <dd className="mb-1 font-mono whitespace-pre-wrap [overflow-wrap:anywhere] sm:mb-0">
                {displayPath(e.value)}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <ol className="list-decimal space-y-2 pl-5 text-sm">
        {finding.fix.map((step, i) => (
          <li key={i} className="min-w-0 space-y-1">
            <p>{step.text}</p>
            {step.code && <CodeBlock>{step.code}</CodeBlock>}
          </li>
        ))}
      </ol>
      {finding.fix[0]?.predicted && (
        <p className="text-sm text-slate-600" data-testid="fix-prediction">
          Fix {predictionText(finding.fix[0].predicted)}
        </p>
      )}
    </article>
  );
}
