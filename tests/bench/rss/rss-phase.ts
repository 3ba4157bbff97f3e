import type { BenchTarget } from "../e2e/worker-protocol";
import { bytes, seconds } from "../report/format";
import { buildSkipReason, measureAppRss, type RssOutcome } from "./app-rss";

/** The dashboard RSS figure, or why it was skipped (smoke mode without a build). */
export async function measureRssPhase(
  smoke: boolean,
  target: BenchTarget,
  root: string,
  python: string,
  log: (line: string) => void,
): Promise<RssOutcome> {
  const reason = buildSkipReason(smoke);
  if (reason) {
    log(`dashboard RSS skipped: ${reason}`);
    return { measured: false, reason };
  }
  log("dashboard RSS: next start, one collection through the API …");
  const figures = await measureAppRss(target, root, python);
  if (!figures.snapshot.ok) throw new Error(`the collection through the dashboard failed: ${figures.snapshot.code}`);
  log(
    `  peak ${bytes(figures.peakBytes)} (before: ${bytes(figures.baselinePeakBytes)}), collection ${seconds(figures.collectionMs)}`,
  );
  return { measured: true, figures };
}
