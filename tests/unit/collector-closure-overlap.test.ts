import { expect, test } from "vitest";
import { collectorProgram } from "@/lib/collector/collector-program";
import { realPython, runPythonOrThrow } from "../support/python";

// The startup closure's plan is worked out in a forked process while the walk runs
// (lib/collector/python/64_startup_overlap.py). Whatever happens to that process, the collection gets the
// plan exactly as this process would have worked it out, and the process never writes to the collector's output.

const DRIVER = `
import json, os, sys
ns = {"__name__": "collector_under_test"}
exec(compile(sys.stdin.read(), "collector", "exec"), ns)
start = ns["start_closure_plan"]
parent = os.getpid()

class Cores:
    def __init__(self, workers):
        self.workers = workers

def plan():
    print("a plan never writes to the collector's output")
    return {"files": {"app": "/srv/app.py"}, "inChild": os.getpid() != parent}

def fails_in_child():
    if os.getpid() != parent:
        raise RuntimeError("the fork failed")
    return plan()

def unpicklable_in_child():
    return dict(plan(), lock=ns["threading"].Lock()) if os.getpid() != parent else plan()

asked = []
def counted():
    asked.append(1)
    return plan()

one_core = start(counted, Cores(1))
before = len(asked)
results = {
    "forked": start(plan, Cores(2))(),
    "childFailed": start(fails_in_child, Cores(2))(),
    "childUnpicklable": start(unpicklable_in_child, Cores(2))(),
    "oneCore": one_core(),
    "oneCoreAskedBefore": before,
}
sys.stdout = sys.__stdout__
print("RESULT " + json.dumps(results))
`;

type Plan = { files: Record<string, string>; inChild: boolean };
type Results = {
  forked: Plan;
  childFailed: Plan;
  childUnpicklable: Plan;
  oneCore: Plan;
  oneCoreAskedBefore: number;
};

function run(): { results: Results; printed: string[] } {
  const out = runPythonOrThrow(realPython(), ["-I", "-B", "-c", DRIVER], { input: collectorProgram() });
  const lines = out.trimEnd().split("\n");
  const last = lines.pop() ?? "";
  expect(last.startsWith("RESULT ")).toBe(true);
  return { results: JSON.parse(last.slice("RESULT ".length)) as Results, printed: lines };
}

test("on more than one core the plan is worked out in a forked process, which writes nothing to the output", () => {
  const { results, printed } = run();
  expect(results.forked).toEqual({ files: { app: "/srv/app.py" }, inChild: true });
  // Each plan worked out in this process printed its line; the forked ones printed into nothing.
  expect(printed).toHaveLength(3);
});

test("a plan the forked process could not work out or hand back is worked out here, the same", () => {
  const { results } = run();
  expect(results.childFailed).toEqual({ files: { app: "/srv/app.py" }, inChild: false });
  expect(results.childUnpicklable).toEqual({ files: { app: "/srv/app.py" }, inChild: false });
});

test("on one core the plan is worked out here, when it is asked for", () => {
  const { results } = run();
  expect(results.oneCoreAskedBefore).toBe(0);
  expect(results.oneCore).toEqual({ files: { app: "/srv/app.py" }, inChild: false });
});
