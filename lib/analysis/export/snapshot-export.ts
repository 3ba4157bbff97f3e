import { cachingVerdict } from "../caching-verdict";
import { coverageOf } from "../coverage";
import { startupCoverageOf, startupHeadline } from "../startup-coverage";
import type { Finding, SnapshotInput } from "../types";
import { csvRows } from "./csv";
import { escapeControlsInJson } from "./escape-controls";
import { findingMarkdown } from "./findings-markdown";
import { mdTable, mdText } from "./markdown-text";

export function snapshotJson(s: SnapshotInput, findings: readonly Finding[]): string {
  const coverage = coverageOf(s.inventory);
  const startup = startupCoverageOf(s.inventory.startup);
  return escapeControlsInJson(
    JSON.stringify(
      {
        id: s.id,
        host: s.host,
        takenAt: s.takenAt,
        startup,
        coverage: coverage.overall,
        roots: coverage.roots,
        findings,
      },
      null,
      2,
    ),
  );
}

export function snapshotMarkdown(s: SnapshotInput, findings: readonly Finding[]): string {
  const { overall, roots } = coverageOf(s.inventory);
  const rows = roots.map((r) => [
    r.kind,
    r.path,
    r.coverage.percent === null ? null : `${r.coverage.percent}%`,
    r.coverage.fresh,
    r.coverage.stale,
    r.coverage.missing,
    r.coverage.sources,
  ]);
  const service = s.inventory.service;
  const lines = [
    `# Bytecode caching on ${mdText(s.host)}`,
    "",
    `Snapshot ${mdText(s.id)} at ${mdText(s.takenAt)}; unit ${mdText(service.unit ?? "none")} as ${mdText(service.identity.user)}, Python ${mdText(s.inventory.interpreter?.version ?? "unknown")}.`,
    "",
    `Startup coverage ${startupHeadline(startupCoverageOf(s.inventory.startup))}; entry points: ${mdText(s.inventory.startup?.entryPoints.join(", ") || "none")}.`,
    "",
    `Coverage of all sources ${overall.percent === null ? "–" : `${overall.percent}%`}: ${overall.fresh} fresh, ${overall.stale} stale, ${overall.missing} missing of ${overall.sources} sources.`,
    "",
    mdTable(["Kind", "Root", "Coverage", "Fresh", "Stale", "Missing", "Sources"], rows, [
      "l",
      "l",
      "r",
      "r",
      "r",
      "r",
      "r",
    ]),
    "",
    "## Findings",
    "",
    cachingVerdict(findings, startupCoverageOf(s.inventory.startup)) ??
      findings.map((f) => findingMarkdown(f)).join("\n\n"),
  ];
  return lines.join("\n") + "\n";
}

/** Startup modules first (root kind "startup", blocked yes/no), then every source under the roots. */
export function snapshotCsv(s: SnapshotInput): string {
  const header = ["root kind", "root", "path", "status", "reason", "pyc", "blocked"];
  const startup = (s.inventory.startup?.modules ?? []).map((m) => [
    "startup",
    m.name,
    m.path,
    m.status,
    m.reason,
    null,
    m.blocked ? "yes" : "no",
  ]);
  const rows = s.inventory.roots.flatMap((root) =>
    root.sources.map((src) => [root.kind, root.path, src.path, src.status, src.reason, src.pyc, null]),
  );
  return csvRows([header, ...startup, ...rows]);
}
