import { coverageOf } from "../coverage";
import type { Finding, SnapshotInput } from "../types";
import { csvRows } from "./csv";
import { findingMarkdown } from "./findings-markdown";
import { mdTable, mdText } from "./markdown-text";

export function snapshotJson(s: SnapshotInput, findings: readonly Finding[]): string {
  const coverage = coverageOf(s.inventory);
  return JSON.stringify({ id: s.id, host: s.host, takenAt: s.takenAt, coverage: coverage.overall, roots: coverage.roots, findings }, null, 2);
}

export function snapshotMarkdown(s: SnapshotInput, findings: readonly Finding[]): string {
  const { overall, roots } = coverageOf(s.inventory);
  const rows = roots.map((r) => [r.kind, r.path, r.coverage.percent === null ? null : `${r.coverage.percent}%`, r.coverage.fresh, r.coverage.stale, r.coverage.missing, r.coverage.sources]);
  const service = s.inventory.service;
  const lines = [
    `# Bytecode caching on ${mdText(s.host)}`,
    "",
    `Snapshot ${mdText(s.id)} at ${mdText(s.takenAt)}; unit ${mdText(service.unit ?? "none")} as ${mdText(service.identity.user)}, Python ${mdText(s.inventory.interpreter?.version ?? "unknown")}.`,
    "",
    `Coverage ${overall.percent === null ? "–" : `${overall.percent}%`}: ${overall.fresh} fresh, ${overall.stale} stale, ${overall.missing} missing of ${overall.sources} sources.`,
    "",
    mdTable(["Kind", "Root", "Coverage", "Fresh", "Stale", "Missing", "Sources"], rows, ["l", "l", "r", "r", "r", "r", "r"]),
    "",
    "## Findings",
    "",
    findings.length ? findings.map((f) => findingMarkdown(f)).join("\n\n") : "No findings: bytecode caching works for this service.",
  ];
  return lines.join("\n") + "\n";
}

export function snapshotCsv(s: SnapshotInput): string {
  const header = ["root kind", "root", "path", "status", "reason", "pyc"];
  const rows = s.inventory.roots.flatMap((root) => root.sources.map((src) => [root.kind, root.path, src.path, src.status, src.reason, src.pyc]));
  return csvRows([header, ...rows]);
}
