import { displayPath } from "@/lib/snapshot/display-path";
import type { Root } from "@/lib/snapshot/schema";
import type { Rule } from "./rule";
import { shellJoin } from "./support/shell-quote";

const id = "app-root-unreadable";

/** Why the collector saw nothing of an app root, or null when it walked it. */
function problemOf(root: Root): string | null {
  if (!root.exists) {
    return !root.problem || root.problem === "No such file or directory"
      ? "does not exist"
      : `cannot be reached (${root.problem})`;
  }
  const own = root.skipped.find((s) => s.path === "" && s.reason === "unreadable");
  return own ? `cannot be listed (${own.detail ?? "unreadable"})` : null;
}

/**
 * An app root the collector could not walk: none of the application's modules were checked, so
 * coverage and every other finding describe only site-packages. Without this, a typo'd path reads as
 * "100 %, no findings".
 */
export const appRootUnreadable: Rule = {
  id,
  check(f) {
    const bad = f.inventory.roots.flatMap((root) => {
      const problem = root.kind === "app" ? problemOf(root) : null;
      return problem ? [{ root, problem }] : [];
    });
    if (bad.length === 0) return null;
    const first = bad[0]!;
    return {
      id,
      severity: "critical",
      title:
        bad.length === 1
          ? `The app root ${displayPath(first.root.path)} ${first.problem}`
          : `${bad.length} app roots could not be scanned`,
      detail:
        "The collector could not list this app root, so none of the application's modules were checked: " +
        "coverage and every other finding describe only the interpreter's site-packages, not the service's own code. " +
        "A typo in the path is the usual cause; a directory the collecting account may not read is the other.",
      evidence: bad.map(({ root, problem }) => ({ label: "App root", value: `${displayPath(root.path)} ${problem}` })),
      fix: [
        {
          text: "Check the path on the host, then correct the host's app root (or collect as an account that can read it) and collect again.",
          code: bad.map(({ root }) => shellJoin(["ls", "-ld", root.path])).join("\n"),
        },
      ],
    };
  },
};
