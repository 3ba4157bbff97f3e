import path from "node:path";

export type BenchOptions = {
  sources: number;
  smoke: boolean;
  million: boolean;
  /** Pairs per comparison (A,B alternating); 3 unless --smoke (1) or --runs. */
  runs: number;
  /** Ansible runs, interleaved with the first pairs (it is slow); default `runs`. */
  ansibleRuns: number;
  /** Where RESULTS.md and results.json go; null = the committed tests/bench/ (full mode) or a temp dir (smoke). */
  out: string | null;
  /** Profile a snapshot (CPU, memory) and compare() even when every goal is met. */
  profile: boolean;
  /** Run one part only: "retention" (a simulated year of hourly snapshots, no sshd, no trees). */
  only: "retention" | null;
};

const USAGE = `usage: npm run bench -- [--sources N] [--smoke] [--million] [--runs N] [--ansible-runs N] [--out DIR] [--profile] [--only retention]
  --sources N        sources in the synthetic deployment (default 100000; --smoke: 10000)
  --smoke            10,000 sources, 1 run each; Ansible only when installed, RSS only when a build exists
  --million          also time per file at 1,000,000 sources against N (goal: ≤ 1.2×)
  --runs N           runs of each side of a comparison, alternating A,B,A,B… (default 3; --smoke: 1)
  --ansible-runs N   Ansible runs (default: --runs)
  --out DIR          write RESULTS.md and results.json there
  --profile          profile a snapshot (CPU, memory) and compare() even when their goals are met
  --only retention   only the store size after a simulated year of hourly snapshots of 10 hosts under retention`;

function positiveInt(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} needs a positive whole number\n${USAGE}`);
  return n;
}

function onlyPart(value: string | undefined): BenchOptions["only"] {
  if (value === undefined) return null;
  if (value !== "retention") throw new Error(`--only takes retention\n${USAGE}`);
  return value;
}

export function parseBenchOptions(argv: string[]): BenchOptions {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--help" || arg === "-h") throw new Error(USAGE);
    if (
      !["--sources", "--smoke", "--million", "--runs", "--ansible-runs", "--out", "--profile", "--only"].includes(arg)
    ) {
      throw new Error(`unknown option ${arg}\n${USAGE}`);
    }
    const takesValue = ["--sources", "--runs", "--ansible-runs", "--out", "--only"].includes(arg);
    flags.set(arg, takesValue ? (argv[++i] ?? "") : true);
  }
  const smoke = flags.has("--smoke");
  const value = (flag: string) => (typeof flags.get(flag) === "string" ? (flags.get(flag) as string) : undefined);
  const runs = flags.has("--runs") ? positiveInt("--runs", value("--runs")) : smoke ? 1 : 3;
  return {
    sources: flags.has("--sources") ? positiveInt("--sources", value("--sources")) : smoke ? 10_000 : 100_000,
    smoke,
    million: flags.has("--million"),
    runs,
    ansibleRuns: flags.has("--ansible-runs") ? positiveInt("--ansible-runs", value("--ansible-runs")) : runs,
    out: value("--out") ? path.resolve(value("--out")!) : null,
    profile: flags.has("--profile"),
    only: onlyPart(value("--only")),
  };
}
