import { cachedManyFiles } from "../../support/fixtures/many-files";
import { count } from "../report/format";
import type { LargeTree } from "../phases/cli-phase";

const PER_DIR = 1000;

/**
 * A tree of `sources` empty .py files, 1,000 to a package and no bytecode at all (every source missing), built
 * once per machine by tests/support/fixtures/many-files.ts in about a minute at 1,000,000 — where the bench's
 * compiled tree of that size takes over an hour. Walking it costs the same stats, no pyc header reads.
 */
export async function emptySourceTree(sources: number, log: (line: string) => void): Promise<LargeTree> {
  log(`the tree of ${count(sources)} empty sources (built once, then reused) …`);
  const root = await cachedManyFiles(sources, PER_DIR);
  return {
    root,
    counts: { sources },
    label: `${count(sources)} empty sources, ${count(PER_DIR)} per package, no pycs (${root}, tests/support/fixtures/many-files.ts)`,
  };
}
