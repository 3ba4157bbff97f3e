import { cachingVerdict } from "./caching-verdict";
import { compileEstimate } from "./diagnostics/support/startup-cost";
import type { StartupCounts } from "./startup-coverage";
import type { Finding, FixStep, Severity } from "./types";

/** The snapshot's answer in one sentence, the finding it rests on, and the first thing to do. */
export type Verdict = {
  tone: Severity | "ok";
  sentence: string;
  /** The finding the sentence names as the cause (its card follows), null when none does. */
  findingId: string | null;
  fix: FixStep | null;
};

type VerdictInput = {
  findings: readonly Finding[];
  startup: StartupCounts | null;
  /** The collector's measurement of compiling every blocked startup module, when it took one. */
  measured: { ms: number; modules: number; capped: boolean } | null;
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "(55 ms per process start, measured)" or, where nothing was measured, the estimate, labelled as one. */
function costClause(blocked: number, measured: VerdictInput["measured"]): string {
  if (measured)
    return ` (${Math.round(measured.ms)} ms per process start, measured${measured.capped ? " up to the cap" : ""})`;
  return ` (${compileEstimate(blocked).replace(" if all are imported", "")} per process start, estimated)`;
}

/**
 * Findings arrive most severe first: the first that explains modules compiled at every start is the
 * cause; without one, the most severe finding leads.
 */
export function verdictOf({ findings, startup, measured }: VerdictInput): Verdict {
  const cause = findings.find((f) => f.blocking) ?? null;
  const lead = cause ?? findings[0] ?? null;
  const fix = lead?.fix[0] ?? null;
  if (startup && startup.blocked > 0) {
    const because = cause?.blocking ? ` because ${cause.blocking.cause}` : "";
    const sentence =
      `${startup.blocked} of ${plural(startup.modules, "startup module")} ${startup.blocked === 1 ? "compiles" : "compile"} at every start` +
      `${costClause(startup.blocked, measured)}${because}.`;
    return { tone: lead?.severity ?? "warning", sentence, findingId: lead?.id ?? null, fix };
  }
  if (startup && startup.modules > 0 && lead?.severity === "info") {
    const sentence = `All ${plural(startup.modules, "startup module")} load from their cache; one note: ${lead.title}.`;
    return { tone: "ok", sentence, findingId: lead.id, fix: null };
  }
  if (lead) return { tone: lead.severity, sentence: `${lead.title}.`, findingId: lead.id, fix };
  return { tone: startup ? "ok" : "info", sentence: cachingVerdict([], startup) ?? "", findingId: null, fix: null };
}
