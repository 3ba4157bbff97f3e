import { PositionEncoding, Workspace } from "@astral-sh/ruff-wasm-nodejs";
import { expect, test } from "vitest";
import { collectorProgram } from "@/lib/collector/collector-program";
import { observeProgram } from "@/lib/collector/observe-program";
import { probeProgram } from "@/lib/collector/probe-program";

/**
 * Ruff (its WebAssembly build from the npm registry: no Python package index needed) over the Python the
 * product sends to targets. The files under lib/collector/python (and those under lib/collector/observe) share
 * one namespace, so each program is linted as it is sent, whole; a finding is reported by the file and line it
 * came from.
 */
const ruff = new Workspace(
  {
    "target-version": "py37", // the oldest interpreter the collector supports on a target
    "line-length": 160,
    lint: {
      select: ["E4", "E5", "E7", "E9", "F", "W", "B"],
      ignore: [
        "E402", // the program is its files joined after SOURCE_MAP: imports cannot stand first
        "B904", // every exception ends as one structured error record; a chained cause is never shown
      ],
    },
  },
  PositionEncoding.Utf16,
);

type Finding = { code: string | null; message: string; start_location: { row: number } };

function located(program: string, row: number): string {
  const map = /^SOURCE_MAP = (.*)$/m.exec(program)?.[1];
  if (!map) return `line ${row}`;
  const files = JSON.parse(map) as [string, number][];
  const file = files.filter(([, start]) => start <= row).at(-1);
  return file ? `${file[0]}:${row - file[1] + 1}` : `line ${row}`;
}

test.each([
  ["the collector", collectorProgram],
  ["the connection probe", probeProgram],
  ["the start observer", () => observeProgram({})],
])("ruff finds nothing in %s", (_name, program) => {
  const text = program();
  // SOURCE_MAP's JSON is one long generated line: lint the code under it, with the line numbers kept.
  const findings = (ruff.check(text.replace(/^SOURCE_MAP = .*$/m, "SOURCE_MAP = []")) as Finding[]).map(
    (f) => `${located(text, f.start_location.row)} ${f.code ?? ""} ${f.message}`,
  );
  expect(findings).toEqual([]);
});
