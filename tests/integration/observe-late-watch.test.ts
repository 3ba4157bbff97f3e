import fs from "node:fs";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import type { ObserverSpec } from "@/lib/collector/observer-spec";
import { observeProgram } from "@/lib/collector/observe-program";
import { isRoot, NOBODY } from "../support/fixtures/odd-entries";
import { pythonInfo, realPython, runPython } from "../support/python";
import { tempDir } from "../support/temp-dir";

// A pyc directory the start creates is watched only once the observer has read its creation, by a fanotify
// mark (opens, with their PID) and then an inotify watch (creates and renames). A busy machine can preempt the
// observer between the two: the importer's open of its temporary pyc is then seen by fanotify, which names the
// file by what it is called when the event is read (the final pyc, renamed meanwhile), while the create and
// the rename came before the inotify watch. The harness forces exactly that order on a real importer.

const HARNESS = path.resolve(import.meta.dirname, "../support/observe-late-watch.py");
const temp = tempDir("deploylens-observe-late-");
afterAll(() => temp.remove());

/** A service (nobody) that imports, for each line on its stdin, the module it names, and says so. */
const SERVICE = [
  "import sys",
  "sys.path.insert(0, sys.argv[1])",
  "for line in sys.stdin:",
  "    __import__(line.strip())",
  '    print("imported " + line.strip(), flush=True)',
].join("\n");

test.runIf(isRoot)(
  "a pyc written in a new pyc directory before its inotify watch is a compile, though fanotify saw it opened (needs root)",
  () => {
    fs.chmodSync(temp.dir, 0o755);
    const src = path.join(temp.dir, "src");
    fs.mkdirSync(src);
    fs.writeFileSync(path.join(src, "first.py"), "FIRST = 1\n");
    fs.writeFileSync(path.join(src, "second.py"), "def second():\n    return 2\n");
    for (const entry of [src, path.join(src, "first.py"), path.join(src, "second.py")])
      fs.chownSync(entry, NOBODY.uid, NOBODY.gid);
    const python = realPython();
    const spec: ObserverSpec = {
      sourceDirs: [src],
      prefix: null,
      cacheTag: pythonInfo(python).cacheTag,
      optimize: 0,
      names: {},
      sysPath: [src],
      ownDirs: [src],
      serviceUid: NOBODY.uid,
      serviceUnit: null,
      scripts: [],
      timeoutSeconds: 60,
      quietSeconds: 1,
    };
    const asNobody = [`--reuid=${NOBODY.uid}`, `--regid=${NOBODY.gid}`, "--clear-groups"];
    const pycDir = path.join(src, "__pycache__");
    const run = runPython(
      python,
      ["-I", "-S", "-B", HARNESS, pycDir, "second", "setpriv", ...asNobody, python, "-c", SERVICE, src],
      { input: observeProgram(spec) },
    );
    expect(run.code, run.stderr).toBe(0);
    const observation = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as {
      attribution: string;
      modules: { name: string; loaded: string; blocked: boolean }[];
    };
    expect(observation.attribution).toBe("pid");
    expect(observation.modules.map(({ name, loaded, blocked }) => ({ name, loaded, blocked }))).toEqual([
      { name: "first", loaded: "compiled", blocked: false },
      { name: "second", loaded: "compiled", blocked: false },
    ]);
  },
);
