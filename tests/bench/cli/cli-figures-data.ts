/** What the CLI rows measured: every run through `bin/deploylens` (or the OpenSSH client) as a child process. */
export type CliRun = { ms: number; peakRssBytes: number; stdoutBytes: number };

export type CliSized = { sources: number; collect: CliRun };

export type CliData = {
  /** `deploylens --version`, `node -e 0`, `deploylens collect NAME` and `ssh … find …`, alternating in that order. */
  version: CliRun[];
  nodeBare: CliRun[];
  collect: CliRun[];
  sshFind: CliRun[];
  sshFindCommand: string;
  rssMethod: string;
  /** One collect at --growth-sources (the peak-RSS growth figure). */
  growth: CliSized;
  /** --million: one collect of a tree of --large-sources empty sources (`tree` says which). */
  large: (CliSized & { tree: string }) | null;
  /** --million: `deploylens compare` of two stored snapshots of --large-sources generated files. */
  compareLarge: CompareLarge | null;
};

export type CompareLarge = {
  sources: number;
  /** How the two snapshots were made, for the report. */
  made: string;
  generateMs: number[];
  storeMs: number[];
  /** `deploylens compare large-a large-b` (Markdown) and the same with `--json`, alternating. */
  markdown: CliRun[];
  json: CliRun[];
};
