/** One load of the snapshot page in Chromium. */
export type RenderRun = {
  /** From navigation start to the first file row with a path in the table (the page's performance clock). */
  firstRowMs: number;
  /** Rows of the file table in the DOM, the most seen: after the first render and scrolled to the end. */
  domRows: number;
  /** From typing the name into the search box to the table showing that one file alone. */
  searchMs: number;
};

export type RenderData = { files: number; snapshotId: string; query: string; runs: RenderRun[] };
export type RenderOutcome = { measured: true; data: RenderData } | { measured: false; reason: string };
