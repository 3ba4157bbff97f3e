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
  /** --million: one collect at --large-sources, and `deploylens compare` of two snapshots of that size. */
  large: (CliSized & { compare: CliRun[] }) | null;
};
