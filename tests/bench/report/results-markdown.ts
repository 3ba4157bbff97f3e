import type { SnapshotFigures } from "../e2e/worker-protocol";
import type { BenchData, Figure } from "./bench-data";
import { countCheck } from "./figures";
import { bytes, count, seconds, times } from "./format";
import { clientMethodLines, clientRunLines } from "./client-rows-markdown";
import { missedAnalysis } from "./missed-analysis";
import { profileMarkdown } from "./profile-markdown";

const cell = (text: string) => text.replace(/\|/g, "\\|");
const statusText = (figure: Figure) =>
  figure.status === "met"
    ? "met"
    : figure.status === "missed"
      ? `**missed** — ${figure.missedBy}`
      : `skipped — ${figure.reason}`;

/** One row of the figure table, measured on `date` (ISO) by `command`. */
export function figureRowMarkdown(f: Figure, date: string, command: string): string {
  const reproduce = f.reason?.includes("--million") ? "`npm run bench -- --million`" : `\`${command}\``;
  return `| ${cell(f.title)} | ${f.goal} | ${cell(f.measured)} | ${f.ratioText} | ${cell(statusText(f))} | ${date.slice(0, 10)} | ${reproduce} |`;
}

/** The first line of a missed figure's entry under "Goals missed". */
export const missedHeadline = (f: Figure) => `- **${f.title}**: ${f.measured}; goal ${f.goal}; ${f.missedBy}.`;

function figureTable(data: BenchData, figures: Figure[]): string[] {
  return [
    "| Figure | Goal | Measured | Ratio | Status | Date | Reproduce |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...figures.map((f) => figureRowMarkdown(f, data.date, data.command)),
  ];
}

function treeLines(data: BenchData): string[] {
  const tree = (label: string, t: NonNullable<BenchData["treeB"]>) =>
    `- ${label}: ${count(t.counts.sources)} sources in ${count(t.counts.dirs)} nested packages (25 sources each, 8 sub-packages per package), ` +
    `${count(t.counts.fresh)} fresh, ${count(t.counts.stale)} stale (half by mtime, half by size), ${count(t.counts.missing)} missing; ` +
    `${bytes(t.bytes.sources)} of source, ${bytes(t.bytes.pycs)} of bytecode.`;
  const check = countCheck(data);
  return [
    `Bytecode written by \`${data.tree.python.path} -m compileall -q -j 0\` (Python ${data.tree.python.version}, PYTHONDONTWRITEBYTECODE unset), then ` +
      "stale pycs made by moving the source's mtime one hour on or by appending a line and restoring its mtime, missing ones deleted. " +
      "Cached in `tests/bench/.cache/` and reused while the builder and interpreter are unchanged.",
    "",
    tree("Tree a (the one timed)", data.tree),
    ...(data.treeB ? [tree("Tree b (the other side of compare; other files stale)", data.treeB)] : []),
    `- Built the same way, smaller or larger: ${count(data.options.growthSources)} sources for the CLI's peak-RSS growth, ` +
      `two of ${count(data.options.load.sources)} sources (a and b) for the load run.`,
    ...(data.linearity
      ? [
          `- --million, not compiled (a compiled tree of a million files takes over an hour to build): the large tree is ${data.linearity.tree.label}; ` +
            `the linearity row's base tree is ${data.linearity.baseTree.label}.`,
        ]
      : []),
    ...(data.cli?.compareLarge ? [`- --million's compare: ${data.cli.compareLarge.made}.`] : []),
    "",
    check.matches
      ? `The snapshot's counts match the construction exactly (fresh ${count(check.reported.fresh)}, stale ${count(check.reported.stale)}, missing ${count(check.reported.missing)}).`
      : `**The snapshot's counts do not match the construction**: expected ${JSON.stringify(check.expected)}, reported ${JSON.stringify(check.reported)}.`,
  ];
}

function methodLines(data: BenchData): string[] {
  const runs = data.options.runs;
  return [
    `- Every timing is the median of ${runs} run${runs === 1 ? "" : "s"}; the sides of each comparison alternate in one run (snapshot, floor, Ansible, snapshot, floor, Ansible, …), ` +
      "after one unmeasured snapshot and floor, so the page cache is warm for both (as for a host collected on a schedule).",
    "- **Snapshot**: `collectHost()` (connect → collect → validate → store) in a bench child process against a fresh, migrated SQLite file, for an SSH host on a real OpenSSH " +
      "server on 127.0.0.1 (tests/support/sshd.ts), key-file auth, host key pinned, `python` set to a venv without packages of the interpreter that compiled the tree (so the " +
      "snapshot scans the tree the floor lists, plus an empty site-packages), startup-cost measurement off (the floor only lists files), limits high enough that nothing is truncated. Process start and module loading are not timed.",
    `- **Floor**: \`${data.floorCommand}\` over the same server through the same ssh2 transport (connect, run, read all ${count(data.floor[0]?.lines ?? 0)} lines, close).`,
    `- **Ansible**: \`${data.ansibleCommand}\` (${data.ansible.available ? data.ansible.version : "not run"}), timed from spawn to exit; its ControlPersist master is ended after each run so every run starts cold, like a snapshot.` +
      (data.options.ansibleRuns < runs ? ` ${data.options.ansibleRuns} Ansible run(s) only: it is slow.` : ""),
    "- **RSS**: `next start` of the production build with a fresh database; the host is added and its key pinned through the API, `POST /api/hosts/:id/snapshots` starts the " +
      "collection and `GET /api/jobs/:id/events` is followed to the stored snapshot; VmHWM of the process listening on the port is read from /proc.",
    "- **Store**: logical bytes = compressed blob bytes added + the new snapshot row's column bytes (SQLite `length()`); file growth measured after `PRAGMA wal_checkpoint(TRUNCATE)`.",
    "- **compare()**: both snapshots loaded from the store (timed once), then `compare()` alone timed. Decimal units: 1 MB = 1,000,000 bytes.",
    ...clientMethodLines(data),
  ];
}

const timeline = (run: SnapshotFigures) =>
  `${seconds(run.timeline.firstProgressMs ?? NaN)} / ${seconds(run.timeline.lastProgressMs ?? NaN)} → ${seconds(run.ms)}`;

function runLines(data: BenchData): string[] {
  const list = (runs: { ms: number }[]) => runs.map((r) => seconds(r.ms)).join(", ");
  return [
    `- Warm-up, not counted: snapshot ${seconds(data.warmup.e2eMs)}, floor ${seconds(data.warmup.floorMs)}`,
    `- Snapshot: ${list(data.e2e)} (collector on the target: ${data.e2e.map((r) => seconds(r.collectorMs ?? NaN)).join(", ")})`,
    `- Snapshot timeline (first / last progress event → stored): ${data.e2e.map(timeline).join("; ")}`,
    `- Snapshot ÷ floor, pair by pair: ${data.e2e.map((r, i) => times(r.ms / (data.floor[i]?.ms ?? NaN))).join(", ")}`,
    `- Floor: ${list(data.floor)} (of which connecting: ${data.floor.map((r) => seconds(r.connectMs)).join(", ")})`,
    ...(data.ansibleRuns.length
      ? [
          `- Ansible: ${list(data.ansibleRuns)} (${count(data.ansibleRuns[0]!.matched)} paths matched, ${bytes(data.ansibleRuns[0]!.bytes)} of output)`,
        ]
      : []),
    ...(data.linearity
      ? [
          `- Large tree: ${list(data.linearity.large)} (warm-up, not counted: ${seconds(data.linearity.warmupMs)}); base tree alternating: ${list(data.linearity.base)}`,
        ]
      : []),
    ...clientRunLines(data),
  ];
}

/** Each missed goal with its analysis; an analysis shared by two figures (both timing) is given once. */
function missedLines(data: BenchData, missed: Figure[]): string[] {
  const given = new Set<string>();
  return missed.flatMap((f) => {
    const analysis = missedAnalysis(data, f.id).filter((line) => !given.has(line));
    analysis.forEach((line) => given.add(line));
    return [missedHeadline(f), ...analysis.map((line) => `  ${line}`)];
  });
}

/** RESULTS.md: the table first, then the deployment, the method, what missed and why, every run. */
export function resultsMarkdown(data: BenchData, figures: Figure[]): string {
  const m = data.machine;
  const missed = figures.filter((f) => f.status === "missed");
  const lines = [
    "# DeployLens benchmarks",
    "",
    `Measured ${data.date} on ${m.cpu} (${m.cpus} CPUs, ${bytes(m.memoryBytes)} RAM), ${m.kernel}, Node ${m.node}, ${m.openssh}; ` +
      `load average ${m.load.start.toFixed(2)} at the start, ${m.load.end?.toFixed(2) ?? "?"} at the end (other work on the machine widens the spread of runs). ` +
      `Code: commit ${data.revision.commit}${data.revision.uncommittedFiles ? ` plus ${data.revision.uncommittedFiles} uncommitted file(s) under lib/ and app/` : ""}. ` +
      `Written by \`${data.command}\`${data.options.smoke ? " (smoke mode: small tree, 1 run, not for comparison)" : ""}; speed lives here, never in tests.`,
    "",
    ...figureTable(data, figures),
    "",
    "## The deployment",
    "",
    ...treeLines(data),
    "",
    "## How it is measured",
    "",
    ...methodLines(data),
    "",
    "## Goals missed",
    "",
    ...(missed.length === 0 ? ["None."] : missedLines(data, missed)),
    "",
    ...(data.profiles ? profileMarkdown(data.profiles) : []),
    "## Every run",
    "",
    ...runLines(data),
    "",
  ];
  return lines.join("\n");
}
