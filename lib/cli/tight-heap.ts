import v8 from "node:v8";

/**
 * The heap a CLI run may grow to before V8 collects: 1.2 times what stayed live after the last full
 * collection. V8's own factor (up to 4 when collections are cheap) suits a long-lived server; a command runs
 * for seconds and its peak is what a cron job on a small machine pays for. A collection of 300,000 sources
 * peaked about 10 MB lower this way, for a few more collections of a heap that stays small
 * (docs/performance.md, "Memory no longer grows with the tree").
 */
const GROWTH_PERCENT = 20;

export function keepHeapTight(): void {
  // Read by V8 whenever it sets the next collection's limit, so it applies from the next collection on.
  v8.setFlagsFromString(`--heap-growing-percent=${GROWTH_PERCENT}`);
}
