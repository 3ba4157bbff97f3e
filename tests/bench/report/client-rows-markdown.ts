import type { CliData } from "../cli/cli-figures-data";
import type { LoadRun } from "../load/load-data";
import type { RenderData } from "../render/render-data";
import type { BenchData } from "./bench-data";
import { bytes, count, millis, seconds } from "./format";

/** How the CLI rows were taken (one bullet): also what `--only cli` rewrites. */
export function cliMethodLine(cli: CliData): string {
  return (
    "- **CLI** `node bin/deploylens …` as a child process, exactly as `npx deploylens` starts it. Each `collect NAME` (default output, to a pipe) runs against a fresh " +
    "database whose host was added beforehand, untimed, with `deploylens hosts add NAME --ssh USER@127.0.0.1:PORT --identity KEY --app-root ROOT --python VENV --no-startup-cost " +
    "--accept-host-key` (the same sshd, tree and venv as the snapshot row); every collect is checked afterwards with `snapshots NAME --json` (ok, all sources counted). " +
    "**CLI start excluded** by subtracting the median `deploylens --version` of the same run (node's start and loading the CLI bundle; opening and migrating the database is counted). " +
    `The floor is the OpenSSH client: \`${cli.sshFindCommand}\` (known_hosts pinned), timed from spawn to exit with its output read. ` +
    "Each run is `--version`, `node -e 0`, `collect`, `ssh find` in turn, after one unmeasured collect and ssh find. " +
    `Peak RSS of each child: ${cli.rssMethod === "VmHWM polled every 10 ms" ? "VmHWM from /proc/PID/status, polled every 10 ms until exit" : "`/usr/bin/time -f %M` (ru_maxrss from wait4, the kernel's own peak)"}. ` +
    `The growth figure is one collect of a ${count(cli.growth.sources)}-source tree built the same way` +
    (cli.large ? `; --million adds one collect of ${cli.large.tree}.` : ".") +
    (cli.compareLarge
      ? ` **Compare at ${count(cli.compareLarge.sources)} sources**: ${cli.compareLarge.made}; then \`deploylens compare large-a large-b\` (Markdown to a pipe) and the same with \`--json\`, alternating, ${cli.compareLarge.markdown.length} time(s) each.`
      : "")
  );
}

/** How the rows measured through what users run (the CLI, the HTTP API, Chromium) were taken. */
export function clientMethodLines(data: BenchData): string[] {
  const lines: string[] = [];
  if (data.cli) lines.push(cliMethodLine(data.cli));
  if (data.load?.measured) lines.push(loadMethodLine(data.load.run));
  if (data.render?.measured) lines.push(renderMethodLine(data.render.data));
  return lines;
}

/** Every run of those rows. */
export function clientRunLines(data: BenchData): string[] {
  const lines: string[] = [];
  if (data.cli) lines.push(...cliRunLines(data.cli));
  if (data.load?.measured) lines.push(loadRunLine(data.load.run));
  if (data.render?.measured) lines.push(renderRunLine(data.render.data));
  return lines;
}

/** How the snapshot page rows were taken (one bullet): also what `--only render` rewrites. */
export function renderMethodLine(render: RenderData): string {
  return (
    `- **Snapshot page** the dashboard snapshot of tree a (the RSS row's), opened ${render.runs.length} time(s) in real Chromium (headless, /usr/bin/chromium), each in a fresh signed-in context. ` +
    "First row: from navigation start (the page's own clock) to the first file-table row holding a path. DOM rows: the table's rows after the first render and after scrolling to its end, the larger. " +
    `Search: from typing \`${render.query}\` into "Search files" until the table shows that file alone. Polled every animation frame.`
  );
}

/** Every load of the snapshot page (one bullet): also what `--only render` rewrites. */
export const renderRunLine = (render: RenderData): string =>
  `- Snapshot page: ${render.runs.map((r) => `first row ${millis(r.firstRowMs)}, ${r.domRows} rows, search ${millis(r.searchMs)}`).join("; ")}`;

/** Every run of the CLI rows (one bullet each): also what `--only cli` rewrites. */
export function cliRunLines(cli: CliData): string[] {
  const lines: string[] = [];
  const list = (runs: { ms: number }[]) => runs.map((r) => seconds(r.ms)).join(", ");
  lines.push(
    `- CLI \`--version\`: ${list(cli.version)}; \`node -e 0\`: ${list(cli.nodeBare)}`,
    `- CLI \`collect\`: ${list(cli.collect)} (peak RSS ${cli.collect.map((r) => bytes(r.peakRssBytes)).join(", ")}); \`ssh find\`: ${list(cli.sshFind)}`,
    `- CLI \`collect\` of ${count(cli.growth.sources)} sources: ${seconds(cli.growth.collect.ms)}, peak RSS ${bytes(cli.growth.collect.peakRssBytes)}`,
  );
  if (cli.large)
    lines.push(
      `- CLI \`collect\` of ${count(cli.large.sources)} empty sources: ${seconds(cli.large.collect.ms)}, peak RSS ${bytes(cli.large.collect.peakRssBytes)}`,
    );
  const large = cli.compareLarge;
  if (large) {
    const runs = (list: { ms: number; peakRssBytes: number }[]) =>
      list.map((r) => `${seconds(r.ms)} (${bytes(r.peakRssBytes)})`).join(", ");
    lines.push(
      `- CLI \`compare\` of two ${count(large.sources)}-source snapshots: ${runs(large.markdown)}; \`--json\`: ${runs(large.json)} ` +
        `(generating them took ${large.generateMs.map(seconds).join(" and ")}, storing ${large.storeMs.map(seconds).join(" and ")})`,
    );
  }
  return lines;
}

/** How the load rows were taken (one bullet): also what `--only load` rewrites. */
export function loadMethodLine(run: LoadRun): string {
  return (
    `- **Load** \`next start\` of the production build on a fresh database; ${run.hosts} SSH hosts, each on its own real sshd on 127.0.0.1 (${run.sshds} sshd), ` +
    `app roots alternating between two ${count(run.sourcesPerHost)}-source trees. ${run.collections.length} collections go through \`POST /api/hosts/:id/snapshots\` and are followed on their event streams; ` +
    "every host runs in parallel and its own collections one after another (a second request while one runs would join it), the server's queue " +
    `${run.serverCap ? `capped at ${run.serverCap}` : "at its default cap"}. Meanwhile ${run.clients} clients, each signed in with its own session, request pages (\`/\`, \`/hosts/:id\`, \`/snapshots/:id\`) ` +
    "and API reads (`/api/hosts`, a host's snapshots, a snapshot, a page of its files) one after another until the last snapshot is stored; each time is the full body. " +
    "An error is any answer outside 2xx (redirects included) or a failed request; `SQLITE_BUSY` is searched in the server's output; a snapshot is complete when it is ok, untruncated and counts every source. " +
    "The server's event loop is watched over its whole life by `monitorEventLoopDelay` (10 ms resolution) preloaded into it (tests/bench/load/event-loop-probe.mjs)."
  );
}

/** Every collection of the load run, and how many requests the clients made (one bullet). */
export function loadRunLine(run: LoadRun): string {
  return (
    `- Load: collections ${run.collections.map((c) => `${c.host} ${seconds(c.ms)}${c.complete ? "" : ` (${c.code ?? "incomplete"})`}`).join(", ")}; ` +
    `${count(run.requests.length)} requests in ${seconds(run.elapsedMs)}` +
    (run.errors.length
      ? `; errors: ${run.errors
          .slice(0, 5)
          .map((e) => `${e.status} ${e.path}`)
          .join(", ")}`
      : "")
  );
}
