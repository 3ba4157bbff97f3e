import type { Comparison, ComparisonSide, FieldRow, FileSide } from "./types";
import { findingMarkdown } from "@/lib/analysis/export/findings-markdown";
import { mdTable, mdText } from "@/lib/analysis/export/markdown-text";

const TOP_FILES = 50;
const TOP_PERMISSIONS = 20;

const sideName = (s: ComparisonSide) => `${s.host} @ ${s.takenAt}`;
const none = "No differences.";
const fileSide = (s: FileSide | null) => (s ? [s.status, s.reason, s.pyc].filter(Boolean).join(" / ") : "absent");
const fmt = (n: number | null) => (n === null ? null : n.toLocaleString("en-US"));
const signed = (n: number | null) => (n === null || n === 0 ? (n === 0 ? "0" : null) : `${n > 0 ? "+" : ""}${fmt(n)}`);

function header(c: Comparison): string[] {
  const side = (label: string, s: ComparisonSide) =>
    `- ${label}: ${mdText(s.host)} (${mdText(s.hostname)}), snapshot ${mdText(s.id)} at ${mdText(s.takenAt)}, service user ${mdText(s.user)}, ` +
    `unit ${mdText(s.unit ?? "none")}, Python ${mdText(s.interpreterVersion ?? "unknown")}${s.truncated ? ", scan truncated" : ""}`;
  const roots = c.rootPairs.map(
    (p) => `- ${mdText(p.label)}: ${mdText(p.left ?? "none")} ↔ ${mdText(p.right ?? "none")}`,
  );
  const title = `# Bytecode caching: ${mdText(c.left.host)} vs ${mdText(c.right.host)}`;
  return [
    title,
    "",
    side("Left", c.left),
    side("Right", c.right),
    "",
    "Roots compared by relative path:",
    "",
    ...roots,
  ];
}

function headline(c: Comparison): string[] {
  const rows = c.headline.rows.map((r) => [r.label, fmt(r.left), fmt(r.right), signed(r.delta)]);
  return ["## Headline", "", mdTable(["Metric", "Left", "Right", "Δ"], rows, ["l", "r", "r", "r"])];
}

function findings(c: Comparison): string[] {
  const f = c.findings;
  const out = ["## Findings"];
  const group = (title: string, list: readonly Parameters<typeof findingMarkdown>[0][]) =>
    list.length ? ["", `### ${title}`, "", ...list.map((x) => findingMarkdown(x, "####") + "\n")] : [];
  out.push(...group(`Only on the right (${mdText(sideName(c.right))})`, f.onlyRight));
  out.push(...group(`Only on the left (${mdText(sideName(c.left))})`, f.onlyLeft));
  out.push(
    ...group(
      "On both",
      f.both.map((b) => b.right),
    ),
  );
  if (f.onlyLeft.length + f.onlyRight.length + f.both.length === 0) out.push("", "No findings on either side.");
  return out;
}

function fields(title: string, section: { rows: FieldRow[]; differences: number }): string[] {
  const rows = section.rows.filter((r) => r.status !== "same").map((r) => [r.key, r.left, r.right, r.status]);
  return [`## ${title}`, "", rows.length ? mdTable(["Key", "Left", "Right", "Status"], rows) : none];
}

function permissions(c: Comparison): string[] {
  const p = c.permissions;
  const rows = p.rows
    .slice(0, TOP_PERMISSIONS)
    .map((r) => [
      c.rootPairs[r.pair]?.label,
      r.key || ".",
      r.left ? `${r.left.perm}${r.left.bytecode ? `, bytecode ${r.left.bytecode}` : ""}` : null,
      r.right ? `${r.right.perm}${r.right.bytecode ? `, bytecode ${r.right.bytecode}` : ""}` : null,
      r.changed.join(", "),
    ]);
  const more = p.total > rows.length ? `\n\nShowing ${rows.length} of ${p.total}.` : "";
  return [
    "## Permissions",
    "",
    rows.length ? mdTable(["Root", "Directory", "Left", "Right", "Changed"], rows) + more : none,
  ];
}

function files(c: Comparison): string[] {
  const f = c.files;
  const rows = f.rows.slice(0, TOP_FILES).map((r) => [r.root, r.path, fileSide(r.left), fileSide(r.right)]);
  const more =
    f.total > rows.length
      ? `\n\nShowing ${rows.length} of ${f.total.toLocaleString("en-US")}; export CSV for the list.`
      : "";
  return ["## Files", "", rows.length ? mdTable(["Root", "Path", "Left", "Right"], rows) + more : none];
}

function packages(c: Comparison): string[] {
  const p = c.packages;
  const rows = [
    ...p.added.map((x) => [x.name, null, x.version]),
    ...p.removed.map((x) => [x.name, x.version, null]),
    ...p.changed.map((x) => [x.name, x.left, x.right]),
  ];
  return ["## Packages", "", rows.length ? mdTable(["Package", "Left", "Right"], rows) : none];
}

/** The comparison as Markdown for a ticket or chat: headline, findings with fixes, then the key differences. */
export function comparisonMarkdown(c: Comparison): string {
  const parts = [
    header(c),
    headline(c),
    findings(c),
    fields("Service configuration", c.service),
    fields("Interpreter", c.interpreter),
    permissions(c),
    files(c),
    packages(c),
  ];
  return parts.map((lines) => lines.join("\n")).join("\n\n") + "\n";
}
