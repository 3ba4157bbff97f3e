import path from "node:path";

export type BenchOptions = {
  sources: number;
  /** The second size of the CLI's peak-RSS figure (growth from `sources` to this). */
  growthSources: number;
  /** The size --million runs at (linearity, CLI peak RSS, compare of two snapshots). */
  largeSources: number;
  smoke: boolean;
  million: boolean;
  /** Pairs per comparison (A,B alternating); 5 unless --smoke (1) or --runs. */
  runs: number;
  /** Ansible runs, interleaved with the first pairs (it is slow); default `runs`, at most 3. */
  ansibleRuns: number;
  /** The load run: hosts (each on its own sshd), collections in all, signed-in clients, sources per host. */
  load: { hosts: number; collections: number; clients: number; sources: number };
  /** Page loads of the snapshot page in Chromium. */
  renderRuns: number;
  /** Where RESULTS.md and results.json go; null = the committed tests/bench/ (full mode) or a temp dir (smoke). */
  out: string | null;
  /** Profile a snapshot (CPU, memory) and compare() even when every goal is met. */
  profile: boolean;
  /** `--only fleet`: saved hosts, the compressed hour (real seconds), browsing clients, sources of the one tree. */
  fleet: { hosts: number; hourSeconds: number; clients: number; sources: number };
  /**
   * Run one part only: "retention" (a simulated year of hourly snapshots, no sshd, no trees), "cli" (the
   * CLI rows: collect vs ssh find, peak RSS, --version), "compare" (`deploylens compare` of two generated
   * --large-sources snapshots and the dashboard's compare page of them), each of which updates only its rows of
   * RESULTS.md/results.json, "load" (the load run alone, on the trees a full run built: its rows only), "render"
   * (the snapshot page of tree a in Chromium: its rows alone, the same way), or "fleet" (a simulated fleet on the
   * server's scheduler: RESULTS.md's fleet section).
   */
  only: "retention" | "cli" | "compare" | "load" | "fleet" | "render" | null;
};

const USAGE = `usage: npm run bench -- [--sources N] [--growth-sources N] [--smoke] [--million] [--large-sources N] [--runs N]
                       [--ansible-runs N] [--load-hosts N] [--load-collections N] [--load-clients N] [--load-sources N]
                       [--render-runs N] [--out DIR] [--profile] [--only retention|cli|compare|load|render|fleet]
                       [--fleet-hosts N] [--fleet-hour-seconds N] [--fleet-clients N]
  --sources N            sources in the synthetic deployment (default 100000; --smoke: 4000)
  --growth-sources N     the CLI's peak RSS is also measured here (default 3 × --sources; --smoke: 5000)
  --smoke                small trees, 1 run each, a small load; Ansible only when installed, the dashboard only when built
  --million              also measure at --large-sources (minutes, not hours: nothing is compiled): time per file
                         (goal ≤ 1.2×) and the CLI's peak RSS on a tree of empty sources (tests/support/fixtures/
                         many-files.ts), and \`deploylens compare\` of two generated snapshots of that size
  --large-sources N      the size --million runs at (default 1000000)
  --runs N               runs of each side of a comparison, alternating A,B,A,B… (default 5; --smoke: 1)
  --ansible-runs N       Ansible runs (default: --runs, at most 3: it is slow; 0 leaves Ansible out)
  --load-hosts N         hosts of the load run, each on its own sshd (default 10; --smoke: 2)
  --load-collections N   collections in the load run, spread over the hosts (default 20; --smoke: 4)
  --load-clients N       signed-in clients loading pages and the API meanwhile (default 50; --smoke: 4)
  --load-sources N       sources per host in the load run (default 10000; --smoke: --sources)
  --render-runs N        loads of the snapshot page in Chromium (default 5; --smoke: 1)
  --out DIR              write RESULTS.md and results.json there
  --profile              profile a snapshot (CPU, memory) and compare() even when their goals are met
  --only retention       only the store size after a simulated year of hourly snapshots of 10 hosts under retention
  --only cli             only the CLI rows (collect vs ssh find, peak RSS and its growth, --version; with --million
                         the 1,000,000-source ones too); updates those rows of RESULTS.md and results.json alone
  --only compare         only comparing two generated --large-sources snapshots: \`deploylens compare\` (runs: --runs, at
                         most 3), then the dashboard's compare page of them (peak RSS, longest event-loop delay; needs
                         a build); rewrites those rows of RESULTS.md and results.json and keeps every other
  --only load            only the load run (--load-* options) on the trees a full run built (it builds none); rewrites
                         the load rows of RESULTS.md and results.json and keeps every other; with
                         DEPLOYLENS_BENCH_SERVER_CPU_PROFILE=DIR it also writes a CPU profile of the server there
  --only render          only the snapshot page rows: tree a (--sources) collected into a fresh dashboard, then its
                         page opened --render-runs times in Chromium (first file row, DOM rows, search; needs a build);
                         updates those rows of RESULTS.md and results.json alone
  --only fleet           only the simulated fleet: saved hosts on a few real targets, collected hourly by the server's
                         scheduler in a compressed hour (RESULTS.md's fleet section)
  --fleet-hosts N        hosts of the fleet (default 10000; --smoke: 200)
  --fleet-hour-seconds N how long the fleet's "hour" lasts: a divisor of 3600 (default 600, 6× compressed; --smoke: 60)
  --fleet-clients N      signed-in clients browsing in the second half of that hour (default 10; --smoke: 2)`;

const VALUE_FLAGS = [
  "--sources",
  "--growth-sources",
  "--large-sources",
  "--runs",
  "--ansible-runs",
  "--load-hosts",
  "--load-collections",
  "--load-clients",
  "--load-sources",
  "--render-runs",
  "--out",
  "--only",
  "--fleet-hosts",
  "--fleet-hour-seconds",
  "--fleet-clients",
];
const ONLY_PARTS = ["retention", "cli", "compare", "load", "render", "fleet"] as const;
const BOOLEAN_FLAGS = ["--smoke", "--million", "--profile"];

function positiveInt(flag: string, value: string | undefined, least = 1): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < least) throw new Error(`${flag} needs a whole number of at least ${least}\n${USAGE}`);
  return n;
}

function onlyPart(value: string | undefined): BenchOptions["only"] {
  if (value === undefined) return null;
  const part = ONLY_PARTS.find((name) => name === value);
  if (!part) throw new Error(`--only takes ${ONLY_PARTS.join(" or ")}\n${USAGE}`);
  return part;
}

export function parseBenchOptions(argv: string[]): BenchOptions {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--help" || arg === "-h") throw new Error(USAGE);
    if (!VALUE_FLAGS.includes(arg) && !BOOLEAN_FLAGS.includes(arg)) throw new Error(`unknown option ${arg}\n${USAGE}`);
    flags.set(arg, VALUE_FLAGS.includes(arg) ? (argv[++i] ?? "") : true);
  }
  const smoke = flags.has("--smoke");
  const value = (flag: string) => (typeof flags.get(flag) === "string" ? (flags.get(flag) as string) : undefined);
  const int = (flag: string, fallback: number) => (flags.has(flag) ? positiveInt(flag, value(flag)) : fallback);
  const runs = int("--runs", smoke ? 1 : 5);
  const sources = int("--sources", smoke ? 4_000 : 100_000);
  return {
    sources,
    growthSources: int("--growth-sources", smoke ? 5_000 : 3 * sources),
    largeSources: int("--large-sources", 1_000_000),
    smoke,
    million: flags.has("--million"),
    runs,
    // 0 leaves Ansible out (a run of it at 100,000 sources takes minutes on a loaded machine).
    ansibleRuns: flags.has("--ansible-runs")
      ? positiveInt("--ansible-runs", value("--ansible-runs"), 0)
      : Math.min(runs, 3),
    load: {
      hosts: int("--load-hosts", smoke ? 2 : 10),
      collections: int("--load-collections", smoke ? 4 : 20),
      clients: int("--load-clients", smoke ? 4 : 50),
      // The smoke run reuses its two trees; a full run has its own 10,000-source pair.
      sources: int("--load-sources", smoke ? sources : 10_000),
    },
    renderRuns: int("--render-runs", smoke ? 1 : 5),
    fleet: {
      hosts: int("--fleet-hosts", smoke ? 200 : 10_000),
      hourSeconds: int("--fleet-hour-seconds", smoke ? 60 : 600),
      clients: int("--fleet-clients", smoke ? 2 : 10),
      sources: 50,
    },
    out: value("--out") ? path.resolve(value("--out")!) : null,
    profile: flags.has("--profile"),
    only: onlyPart(value("--only")),
  };
}
