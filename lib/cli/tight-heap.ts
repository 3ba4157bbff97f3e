import v8 from "node:v8";

/**
 * The heap `collect` may grow to before V8 collects: 1.2 times what stayed live after the last full
 * collection. V8's own factor (up to 4 when collections are cheap) suits a long-lived server; a collection
 * runs for seconds, often from cron on a small machine, and its peak is what that machine pays for. A
 * collection of 300,000 sources peaked about 10 MB lower this way, in the same time. `compare`, which makes
 * far more garbage, took a quarter longer with it, so it keeps V8's default
 * (docs/performance.md, "What the 300,000-source peak is made of").
 */
const GROWTH_PERCENT = 20;

export function keepHeapTight(): void {
  // Read by V8 whenever it sets the next collection's limit, so it applies from the next collection on.
  v8.setFlagsFromString(`--heap-growing-percent=${GROWTH_PERCENT}`);
}
