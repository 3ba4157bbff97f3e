import type { Evidence } from "../types";
import type { Rule } from "./rule";
import { plural } from "./support/count-by";
import { formatMode } from "./support/format-mode";
import { cacheDirName } from "./support/service-labels";
import { shellJoin } from "./support/shell-quote";
import { summarizePaths } from "./support/summarize-paths";

const id = "world-writable-pycache";

const otherWritable = (mode: number) => (mode & 0o002) !== 0;
const sticky = (mode: number) => (mode & 0o1000) !== 0;

/**
 * A bytecode directory anyone may write is a code-injection path: a planted pyc with a matching header
 * runs as the service (python-bytecode.md §2: timestamp pycs are checked against mtime and size only).
 */
export const worldWritablePycache: Rule = {
  id,
  check(f) {
    const open: string[] = [];
    const targets: string[] = [];
    const claimable: string[] = [];
    for (const dir of f.dirs) {
      const bytecode = dir.dir?.bytecode;
      if (!bytecode) continue;
      const mode = bytecode.nearest.mode;
      if (bytecode.exists && otherWritable(mode) && !sticky(mode)) {
        open.push(`${bytecode.path} (${formatMode(mode)})`);
        targets.push(bytecode.path);
      }
      // A missing cache directory under a sticky world-writable one (/tmp): another user can create it first.
      else if (
        !bytecode.exists &&
        otherWritable(mode) &&
        sticky(mode) &&
        !f.service.privateTmp &&
        !f.service.dynamicUser
      )
        claimable.push(bytecode.path);
    }
    if (open.length + claimable.length === 0) return null;
    const evidence: Evidence[] = [];
    if (open.length) evidence.push({ label: `Writable by every user (${open.length})`, value: summarizePaths(open) });
    if (claimable.length)
      evidence.push({
        label: `Not created yet, under a world-writable sticky directory (${claimable.length})`,
        value: summarizePaths(claimable),
      });
    return {
      id,
      severity: "critical",
      title: `${plural(open.length + claimable.length, "bytecode directory", "bytecode directories")} other users can write`,
      detail:
        "Any local user can place or replace a .pyc where the service's interpreter looks. A timestamp pyc is accepted when its header matches the source's mtime and size, which anyone who can stat the source can read, " +
        `so a planted file runs its code inside the service as ${f.user} at the next start.` +
        (claimable.length
          ? " Where the cache directory does not exist yet under a world-writable sticky directory such as /tmp, another user can create it first and own it."
          : ""),
      evidence,
      fix: [
        ...(targets.length
          ? [
              {
                text: "Remove write access for others now.",
                code: [...new Set(targets)]
                  .slice(0, 20)
                  .map((p) => shellJoin(["chmod", "o-w", p]))
                  .join("\n"),
              },
            ]
          : []),
        {
          text: `Keep the cache in a directory only the service can write, such as its CacheDirectory= (CacheDirectory=${cacheDirName(f)} with PYTHONPYCACHEPREFIX=%C/${cacheDirName(f)}/pyc), and check the umask of whatever created these directories.`,
        },
      ],
    };
  },
};
