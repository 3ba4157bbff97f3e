import type { Evidence } from "../types";
import type { Rule } from "./rule";
import { precompileStep } from "./support/alternative-steps";
import { plural } from "./support/count-by";
import { joinPath } from "./support/join-path";
import { summarizePaths } from "./support/summarize-paths";

const id = "stale-bytecode";

/** Why a pyc is rejected, and what usually causes it (python-bytecode.md §2, §6). */
const REASONS: Record<string, string> = {
  mtime:
    "the source's mtime differs from the one recorded: edited since, or given new times by git checkout, rsync without -t/-a, cp/scp without -p or an image build",
  size: "same mtime, different size: edited within the same second, or copied with clamped times",
  magic: "written by another Python version (different magic number)",
  flags: "unknown header flags",
  hash: "checked-hash pyc whose source hash no longer matches",
  truncated:
    "shorter than a pyc can be; if only the body is cut after a valid header, importing it fails with EOFError instead of recompiling",
  "unreadable-pyc": "the service user cannot read the pyc, so it counts as missing",
};

/** Rejected pycs in directories the service can write: replaced at the next import, unlike blocked ones. */
export const staleBytecode: Rule = {
  id,
  check(f) {
    const byReason = new Map<string, string[]>();
    const roots = new Set<string>();
    for (const dir of f.dirs) {
      if (dir.blockedBy) continue; // counted by the rule that owns the directory
      for (const s of dir.sourcesWith("stale")) {
        if (f.runsOldCode(s)) continue;
        const reason = s.reason ?? "unknown";
        const list = byReason.get(reason) ?? [];
        if (list.length === 0) byReason.set(reason, list);
        list.push(joinPath(dir.root.path, s.path));
        roots.add(dir.root.path);
      }
    }
    if (byReason.size === 0) return null;
    const total = [...byReason.values()].reduce((n, list) => n + list.length, 0);
    const groups = [...byReason].sort((a, b) => b[1].length - a[1].length);
    const evidence: Evidence[] = groups.map(([reason, paths]) => ({
      label: `${reason} (${paths.length})`,
      value: `${REASONS[reason] ?? reason}: ${summarizePaths(paths, 3)}`,
    }));
    const truncated = byReason.has("truncated");
    return {
      id,
      severity: truncated ? "warning" : "info",
      title: `${plural(total, "pyc")} would be rejected as stale`,
      detail:
        "The interpreter checks each timestamp pyc against its source's mtime and size (hash pycs against the source hash) and compiles the module again when they differ. " +
        `These directories are writable for ${f.user}, so the next process that imports such a module compiles it once and replaces the pyc. Deploys that reset mtimes make every release start with this compile.`,
      evidence,
      fix: [
        {
          text: "Copy releases with their times preserved (rsync -a or -t, cp -p, scp -p), or recompile after copying.",
        },
        precompileStep(f, [...roots], false),
      ],
    };
  },
};
