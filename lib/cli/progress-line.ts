/** The collector's phases in the order it runs them (lib/collector/python/90_main.py), as the dashboard's bar. */
const PHASES = ["start", "service", "interpreter", "walk", "hash", "pyc-bodies", "packages", "startup"];
const BAR_WIDTH = 16;

export type ProgressState = {
  /** The host that reported last, and what it reported; null before the first report. */
  host: string | null;
  progress: { phase: string; dirs: number; files: number } | null;
  elapsedMs: number;
  done: number;
  total: number;
};

const count = (n: number) => n.toLocaleString("en");

/**
 * The terminal's progress line, the dashboard's in text: a bar of the collector's phases, the phase, files
 * and directories scanned, and the elapsed time; with several hosts, how many are done.
 */
export function progressLine(state: ProgressState): string {
  const step = state.progress ? Math.max(0, PHASES.indexOf(state.progress.phase)) : -1;
  const filled = Math.round(((step + 1) / (PHASES.length + 1)) * BAR_WIDTH);
  const bar = `${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}`;
  const hosts = state.total > 1 ? `${state.done}/${state.total} hosts · ` : "";
  const what = state.progress
    ? `${state.host}: ${state.progress.phase}: ${count(state.progress.files)} files in ${count(state.progress.dirs)} directories`
    : "connecting…";
  return `${bar} ${hosts}${what} · ${(state.elapsedMs / 1000).toFixed(1)} s`;
}
