import path from "node:path";
import type { Sshd } from "../../support/sshd";
import { cliHost, deploylensOk, addCliHost, latestCliSnapshot } from "../cli/bench-cli";
import type { CliData, CliRun, CliSized } from "../cli/cli-figures-data";
import { measuredProcess, RSS_METHOD, type MeasuredRun } from "../cli/measured-process";
import { runSshFind, sshFindArgs, sshFindCommand } from "../cli/ssh-find-floor";
import type { BenchTarget } from "../e2e/worker-protocol";
import { bytes, seconds } from "../report/format";
import type { Tree } from "../tree/build-tree";
import { compareLargePhase } from "./compare-large-phase";

/** What a collect is checked against: the app root and how many sources it holds. */
type Collected = { root: string; counts: { sources: number } };
/** A tree the bench did not build itself (tests/support/fixtures/many-files.ts), described for the report. */
export type LargeTree = Collected & { label: string };

export type CliContext = {
  workDir: string;
  sshd: Sshd;
  target: BenchTarget;
  python: string;
  tree: Tree;
  growth: Tree;
  /** --million: the tree of --large-sources empty sources for the CLI's peak RSS, and that size for compare. */
  large: LargeTree | null;
  runs: number;
  log: (line: string) => void;
};

const slim = (run: MeasuredRun): CliRun => ({
  ms: run.ms,
  peakRssBytes: run.peakRssBytes,
  stdoutBytes: run.stdoutBytes,
});

/** `deploylens collect NAME` (default output, as a cron job runs it), checked complete afterwards, untimed. */
async function cliCollect(databaseFile: string, name: string, tree: Collected): Promise<CliRun> {
  const run = await deploylensOk(["collect", name], databaseFile);
  const row = await latestCliSnapshot(databaseFile, name);
  if (row.status !== "ok" || row.sources !== tree.counts.sources)
    throw new Error(
      `collect ${name}: ${row.status} ${row.errorCode ?? ""} with ${row.sources} of ${tree.counts.sources} sources`,
    );
  return slim(run);
}

/** One collect of `tree` into a fresh database in `dir`, its host named `name`; the database is kept for more. */
async function sizedCollect(ctx: CliContext, tree: Collected, dir: string, name = "bench") {
  const databaseFile = await cliHost(path.join(ctx.workDir, dir), name, tree.root, ctx.target, ctx.python);
  const collect = await cliCollect(databaseFile, name, tree);
  ctx.log(
    `CLI collect of ${tree.counts.sources} sources: ${seconds(collect.ms)}, peak RSS ${bytes(collect.peakRssBytes)}`,
  );
  return { databaseFile, sized: { sources: tree.counts.sources, collect } satisfies CliSized };
}

/**
 * The CLI that users run, as child processes: `--version` and a bare `node -e 0` (start-up), then
 * `collect` into a fresh database and the OpenSSH client's `find` over the same sshd, alternating, after
 * one unmeasured round. Each collect's database and host are made by `hosts add` first, untimed.
 */
export async function cliPhase(ctx: CliContext): Promise<CliData> {
  const version = () => deploylensOk(["--version"], null);
  const nodeBare = () => measuredProcess([process.execPath, "-e", "0"]);
  const sshArgs = sshFindArgs(ctx.sshd, ctx.tree.root);
  const collectIn = async (dir: string) =>
    cliCollect(
      await cliHost(path.join(ctx.workDir, dir), "bench", ctx.tree.root, ctx.target, ctx.python),
      "bench",
      ctx.tree,
    );
  await version(); // rebuilds the CLI bundle when lib/ is newer
  await nodeBare();
  const warm = await collectIn("cli-warmup");
  const warmFloor = await runSshFind(sshArgs);
  ctx.log(`CLI warm-up (not counted): collect ${seconds(warm.ms)}, ssh find ${seconds(warmFloor.ms)}`);
  const data: CliData = {
    ...{ version: [], nodeBare: [], collect: [], sshFind: [] },
    sshFindCommand: sshFindCommand(),
    rssMethod: RSS_METHOD,
    growth: { sources: 0, collect: { ms: 0, peakRssBytes: 0, stdoutBytes: 0 } },
    large: null,
    compareLarge: null,
  };
  for (let run = 0; run < ctx.runs; run++) {
    data.version.push(slim(await version()));
    data.nodeBare.push(slim(await nodeBare()));
    data.collect.push(await collectIn(`cli-${run}`));
    data.sshFind.push(slim(await runSshFind(sshArgs)));
    ctx.log(
      `CLI run ${run + 1}/${ctx.runs}: --version ${seconds(data.version[run]!.ms)}, node -e 0 ${seconds(data.nodeBare[run]!.ms)}, ` +
        `collect ${seconds(data.collect[run]!.ms)} (peak RSS ${bytes(data.collect[run]!.peakRssBytes)}), ssh find ${seconds(data.sshFind[run]!.ms)}`,
    );
  }
  data.growth = (await sizedCollect(ctx, ctx.growth, "cli-growth")).sized;
  if (ctx.large) {
    const { sized } = await sizedCollect(ctx, ctx.large, "cli-large", "large");
    data.large = { ...sized, tree: ctx.large.label };
    data.compareLarge = await compareLargePhase(ctx.workDir, ctx.large.counts.sources, ctx.runs, ctx.log);
  }
  return data;
}
