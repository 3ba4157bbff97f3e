import type { BenchData } from "../report/bench-data";
import { benchFigures } from "../report/figures";
import { runProfiles, type Profiles, type ProfileRequest } from "./profiles";

/**
 * The profiles the missed goals call for (all of them with --profile): a snapshot's CPU when a timing
 * goal is missed, compare()'s when it is, a snapshot's memory when the RSS goal is. Null when none is.
 */
export async function profileMissed(
  data: BenchData,
  request: Omit<ProfileRequest, "collection" | "compare" | "memory">,
  log: (line: string) => void,
): Promise<Profiles | null> {
  const missed = new Set<string>(
    benchFigures(data)
      .filter((f) => f.status === "missed")
      .map((f) => f.id),
  );
  const all = data.options.profile;
  const wanted = {
    collection: all || ["e2e-vs-floor", "cli-collect-vs-floor", "vs-ansible", "linearity"].some((id) => missed.has(id)),
    compare: all || missed.has("compare"),
    memory: all || ["dashboard-rss", "cli-rss", "cli-rss-growth"].some((id) => missed.has(id)),
  };
  const names = Object.entries(wanted)
    .filter(([, on]) => on)
    .map(([name]) => name);
  if (names.length === 0) return null;
  log(`profiling (${names.join(", ")}) …`);
  return runProfiles({ ...request, ...wanted });
}
