import type { CpuSummary } from "../profile/cpu-profile-summary";
import { median } from "../stats";
import type { BenchData, FigureId } from "./bench-data";
import { bytes, count, seconds } from "./format";

const medianOf = (values: (number | null)[]) => median(values.filter((v): v is number => v !== null));

/** Where the snapshot's time goes, from the progress events of the timed runs (medians), against the floor's. */
function e2eBreakdown(data: BenchData): string {
  const first = medianOf(data.e2e.map((r) => r.timeline.firstProgressMs));
  const walk = medianOf(data.e2e.map((r) => (r.timeline.lastProgressMs ?? NaN) - (r.timeline.firstProgressMs ?? NaN)));
  const tail = medianOf(data.e2e.map((r) => r.ms - (r.timeline.lastProgressMs ?? NaN)));
  const floorConnect = medianOf(data.floor.map((r) => r.connectMs));
  const floorRest = medianOf(data.floor.map((r) => r.ms - r.connectMs));
  return (
    `Where the snapshot's time goes (medians): ${seconds(first)} until the first progress event (connect, start collect.py, probe the interpreter), ` +
    `${seconds(walk)} walking the tree (until the last progress event; the collector reports ${seconds(medianOf(data.e2e.map((r) => r.collectorMs)))} in all), ` +
    `${seconds(tail)} after it (the ${bytes(data.e2e[0]?.rawBlobBytes ?? 0)} result line crossing SSH, JSON.parse, zod, canonical JSON, SHA-256, brotli, coverage, diagnose, insert). ` +
    `The floor: ${seconds(floorConnect)} connecting, ${seconds(floorRest)} for find and its ${bytes(data.floor[0]?.bytes ?? 0)} of output.`
  );
}

const topNames = (summary: CpuSummary, n: number) =>
  summary.functions
    .filter((f) => !f.name.startsWith("("))
    .slice(0, n)
    .map((f) => `\`${f.name}\` ${f.ms} ms`);

/** The largest costs of the profiles, in one sentence each. */
function topCosts(data: BenchData): string[] {
  const collection = data.profiles?.collection;
  if (!collection) return [];
  const lines = [
    `Largest dashboard-side costs (self time): ${topNames(collection.node, 4).join(", ")}; garbage collection ${collection.node.functions.find((f) => f.name === "(garbage collector)")?.ms ?? 0} ms.`,
  ];
  if (!("error" in collection.python)) {
    const rows = collection.python.top
      .slice(0, 5)
      .map((r) => `\`${r.function}\` ${count(r.selfMs)} ms (${count(r.calls)} calls)`);
    lines.push(`Largest collector costs (self time under cProfile): ${rows.join(", ")}.`);
  }
  return lines;
}

function rssAnalysis(data: BenchData): string[] {
  if (!data.rss.measured) return [];
  const { baselinePeakBytes, peakBytes } = data.rss.figures;
  const lines = [
    `The dashboard peaked at ${bytes(baselinePeakBytes)} before the collection (Next's own footprint), leaving ${bytes(250e6 - baselinePeakBytes)} ` +
      `for a ${count(data.tree.counts.sources)}-source collection, which added ${bytes(peakBytes - baselinePeakBytes)}. ` +
      `In the timed bench runs (plain Node, no profiler) a snapshot raised the process's peak RSS by ${bytes(medianOf(data.e2e.map((r) => r.peakRss.after - r.peakRss.before)))} (median).`,
  ];
  const allocations = data.profiles?.memory?.allocations;
  if (allocations) {
    const top = allocations.functions.slice(0, 5).map((a) => `\`${a.name}\` ${bytes(a.bytes)}`);
    lines.push(`Largest allocation sites during a snapshot: ${top.join("; ")}.`);
  }
  return lines;
}

/** What the CLI adds to the same snapshot taken in-process (both against a fresh database, same tree and sshd). */
function cliBreakdown(data: BenchData): string[] {
  const cli = data.cli;
  if (!cli) return [];
  const collect = medianOf(cli.collect.map((r) => r.ms));
  const start = medianOf(cli.version.map((r) => r.ms));
  const inProcess = medianOf(data.e2e.map((r) => r.ms));
  return [
    `Through the CLI (medians): \`collect\` ${seconds(collect)}, of which ${seconds(start)} is the CLI's own start (\`--version\`); the same snapshot in-process (\`collectHost()\`) takes ${seconds(inProcess)}, ` +
      `so the CLI adds ${seconds(collect - start - inProcess)} around it (opening and migrating the database, the queue, reading the snapshot back to print it, exiting).`,
  ];
}

function cliRssAnalysis(data: BenchData): string[] {
  const cli = data.cli;
  if (!cli) return [];
  const atBase = medianOf(cli.collect.map((r) => r.peakRssBytes));
  const version = medianOf(cli.version.map((r) => r.peakRssBytes));
  return [
    `\`deploylens --version\` peaks at ${bytes(version)}: the rest of the ${bytes(atBase)} at ${count(data.tree.counts.sources)} sources (${bytes(cli.growth.collect.peakRssBytes)} at ${count(cli.growth.sources)}) is the collection. ` +
      `In-process, a snapshot raised the bench process's peak RSS by ${bytes(medianOf(data.e2e.map((r) => r.peakRss.after - r.peakRss.before)))} (median).`,
  ];
}

/** Prose under a missed goal: how the time or memory divides, from the measurements and profiles. */
export function missedAnalysis(data: BenchData, id: FigureId): string[] {
  if (id === "e2e-vs-floor" || id === "vs-ansible" || id === "linearity")
    return [e2eBreakdown(data), ...topCosts(data)];
  if (id === "cli-collect-vs-floor") return [...cliBreakdown(data), e2eBreakdown(data), ...topCosts(data)];
  if (id === "dashboard-rss") return rssAnalysis(data);
  if (id === "cli-rss" || id === "cli-rss-growth" || id === "cli-rss-large") return cliRssAnalysis(data);
  return [];
}
