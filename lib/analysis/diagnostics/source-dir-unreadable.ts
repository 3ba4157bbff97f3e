import { displayPath } from "@/lib/snapshot/display-path";
import type { Evidence } from "../types";
import type { Rule } from "./rule";
import { plural } from "./support/count-by";
import { describePermission } from "./support/format-mode";
import { joinPath } from "./support/join-path";
import { summarizePaths } from "./support/summarize-paths";

const id = "source-dir-unreadable";

/** python-bytecode.md §8: FileFinder treats a directory it cannot list as empty, so its modules cannot be found. */
export const sourceDirUnreadable: Rule = {
  id,
  check(f) {
    const dirs = f.dirs.filter((d) => d.dir && !d.dir.readable && d.sources.length > 0);
    const files = f.dirs.flatMap((d) =>
      d.dir?.readable === false ? [] : d.sourcesWith("unreadable").map((s) => joinPath(d.root.path, s.path)),
    );
    if (dirs.length + files.length === 0) return null;
    const evidence: Evidence[] = [{ label: "Service user", value: f.user }];
    if (dirs.length) {
      evidence.push({
        label: `Directories it cannot list (${dirs.length})`,
        value: summarizePaths(dirs.map((d) => d.abs)),
      });
      const first = dirs[0]!.dir!;
      evidence.push({
        label: "For example",
        value: `${displayPath(joinPath(dirs[0]!.root.path, first.path))}: ${describePermission(first.perm)}`,
      });
    }
    if (files.length)
      evidence.push({ label: `Sources it cannot read (${files.length})`, value: summarizePaths(files) });
    const count = dirs.reduce((n, d) => n + d.sources.length, 0) + files.length;
    return {
      id,
      severity: "warning",
      title: `${f.user} cannot read ${plural(count, "source")}`,
      detail:
        "To find a module the interpreter lists its directory, which needs r and x: a directory the service user cannot list looks empty, so its modules cannot be imported at all. " +
        "An unreadable source can still be imported through a valid pyc, but never compiled again once it changes. Unless the service never uses these files, imports fail; they also count against coverage.",
      evidence,
      fix: [
        {
          text: `Give ${f.user} read access (r on files, r+x on directories), e.g. through the group, or drop these files from the app root if the service does not use them.`,
        },
      ],
    };
  },
};
