import { displayPath } from "@/lib/snapshot/display-path";
import type { Evidence, FixStep } from "../types";
import type { Rule } from "./rule";
import { describePermission } from "./support/format-mode";
import { joinPath } from "./support/join-path";
import { shellJoin } from "./support/shell-quote";

const id = "interpreter-untrusted";

const VERSION_FROM = {
  probe: "its own answer",
  "pyvenv.cfg": "its pyvenv.cfg",
  "file-name": "its file name",
  "stand-in": "a trusted interpreter of its version",
} as const;

/** Root-owned venv (or only its bin/), or for an interpreter outside a venv the element that failed. */
function fixFor(interpreterPath: string, venv: string | null, byPath: string): FixStep[] {
  return venv
    ? [
        {
          text: "Check that bin/python is still the interpreter it should be (normally a symlink), then make the venv root-owned so only root (or the deploy step) can change it; the service still reads and runs it. Precompile its bytecode in the same step, since the service can then no longer write there.",
          code: [
            shellJoin(["ls", "-l", interpreterPath]),
            shellJoin(["chown", "-R", "root:root", venv]),
            shellJoin(["chmod", "-R", "go-w", venv]),
            shellJoin([interpreterPath, "-m", "compileall", "-q", venv]),
          ].join("\n"),
        },
        {
          text: "Or, if the service must keep writing its site-packages, make only the venv directory and its bin/ root-owned, with bin/python a symlink to a root-owned interpreter (what python3 -m venv creates).",
          code: [
            shellJoin(["chown", "root:root", venv]),
            shellJoin(["chown", "-R", "root:root", joinPath(venv, "bin")]),
            shellJoin(["chmod", "go-w", venv, joinPath(venv, "bin")]),
          ].join("\n"),
        },
      ]
    : [
        {
          text: `Make ${displayPath(byPath)} and every other directory and file the interpreter's path passes through root-owned and not writable by group or others.`,
          code: [shellJoin(["chown", "root:root", byPath]), shellJoin(["chmod", "go-w", byPath])].join("\n"),
        },
      ];
}

/**
 * The collector did not run the service's interpreter because someone other than root or the collecting
 * account can change it: running it would run their code with the collecting account's rights (over SSH the
 * login, for a local host the dashboard's own account). The facts come from its files and, where one exists,
 * a trusted interpreter of the same version; what only the interpreter itself can answer may be missing.
 */
export const interpreterUntrusted: Rule = {
  id,
  check(f) {
    const interpreter = f.interpreter;
    const trust = interpreter?.trust;
    if (!interpreter || !trust || trust.trusted || !trust.untrustedBy) return null;
    const by = trust.untrustedBy;
    const evidence: Evidence[] = [
      { label: "Interpreter", value: `${displayPath(interpreter.path)} → ${displayPath(trust.resolvedPath)}` },
      { label: "Not trusted because", value: by.reason },
      { label: "Owner and mode", value: `${displayPath(by.path)}: ${describePermission(by)}` },
      { label: "Version", value: `${interpreter.version}, from ${VERSION_FROM[trust.versionFrom]}` },
      {
        label: "Answered in its place by",
        value: trust.standIn
          ? displayPath(trust.standIn)
          : "nothing: hash-based pycs, pyc bodies and the startup compile cost were not checked",
      },
    ];
    return {
      id,
      severity: "warning",
      title: `DeployLens did not run ${displayPath(interpreter.path)}: ${displayPath(by.path)} can be changed by others`,
      detail:
        "A collection runs the service's interpreter (with -I -S -B) to learn its version, cache tag and paths. " +
        "Whoever can replace that file or a directory on its path, symlinks included, could make the collection run their code as the collecting account, " +
        "so DeployLens read what it could as data instead: the venv's pyvenv.cfg, the interpreter's file name and a trusted interpreter of the same version. " +
        "Coverage counts stand; checks only the interpreter itself can make are skipped where no trusted interpreter of its version exists.",
      evidence,
      fix: fixFor(interpreter.path, trust.venv, by.path),
    };
  },
};
