import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { collectorProgram } from "@/lib/collector/collector-program";
import { callCollector } from "../support/python";

// systemd's syntax as the collector reads unit files without systemd (systemd.unit(5),
// systemd.exec(5), env-file.c). Expected values are the documented results. Every call of a table
// runs in one interpreter (beforeAll); the tests only compare.

const SPEC_TABLE = { C: "/var/cache", n: "web.service", "%": "%" };

const environmentLines: [string, Record<string, string>][] = [
  ["A=1 \"B=x y\" 'C=z w'", { A: "1", B: "x y", C: "z w" }],
  ['"A=x"y', { A: "xy" }],
  ["A=tab\\there", { A: "tab\there" }],
  ["A=1 1BAD=x =y", { A: "1" }],
  ["PYTHONPYCACHEPREFIX=%C/app/pyc", { PYTHONPYCACHEPREFIX: "/var/cache/app/pyc" }],
];

const envFiles: [string, Record<string, string>][] = [
  ["A=1\nB = 2 \n", { A: "1", B: "2" }],
  ['A="x y"\n', { A: "x y" }],
  ["A='x \"y\"'\n", { A: 'x "y"' }],
  ['A="a\\"b"\n', { A: 'a"b' }],
  ['A="a\\nb"\n', { A: "a\\nb" }],
  ["A=one\\\ntwo\n", { A: "onetwo" }],
  ["# comment\n; another\nA=1", { A: "1" }],
  ["A=x # not a comment\n", { A: "x # not a comment" }],
  ["export A=1\nB=\n", { B: "" }],
  ["A=1\nA=2\n", { A: "2" }],
];

const execStarts: [string[], string[]][] = [
  [["-/usr/bin/python3 -m app"], ["/usr/bin/python3", "-m", "app"]],
  [["@/usr/bin/python3 my-title -m app"], ["/usr/bin/python3", "-m", "app"]],
  [['+!/bin/x "a b" c'], ["/bin/x", "a b", "c"]],
  [["/bin/x a ; /bin/y"], ["/bin/x", "a"]],
  [["/bin/x", "/bin/second"], ["/bin/x"]],
  [["/opt/%n/bin/run"], ["/opt/web.service/bin/run"]],
];

const unitTexts: [string, Record<string, unknown>][] = [
  ["[Service]\nUser=app\nUser=\n", { User: null }],
  ["[Service]\nEnvironment=A=1\nEnvironment=\nEnvironment=B=2\n", { Environment: ["B=2"] }],
  ["[Service]\nExecStart=/bin/a \\\n  --flag\n", { ExecStart: ["/bin/a  --flag"] }],
  ["[Unit]\nUser=ignored\n[Service]\n# User=commented\nUser=svc\n", { User: "svc" }],
];

/** What `systemctl status NAME` means by NAME. */
const unitNames: [string, string][] = [
  ["lernmanager", "lernmanager.service"],
  ["app@1", "app@1.service"],
  ["app@1.service", "app@1.service"],
  ["web.socket", "web.socket"],
  ["my.app", "my.app.service"],
];

/** Drop-in directories, most specific first (systemd's unit_file_find_dirs()). */
const dropInDirs: [string, string[]][] = [
  ["a-b-c.service", ["a-b-c.service.d", "a-b-.service.d", "a-.service.d", "service.d"]],
  ["app@1.service", ["app@1.service.d", "app@.service.d", "service.d"]],
  ["a-b@1.service", ["a-b@1.service.d", "a-b@.service.d", "a-@1.service.d", "a-@.service.d", "service.d"]],
];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "deploylens-unit-syntax-"));
let results: unknown[] = [];
let n = 0;
const slots = {
  env: environmentLines.map(() => n++),
  envLater: n++,
  files: envFiles.map(() => n++),
  exec: execStarts.map(() => n++),
  specifiers: n++,
  units: unitTexts.map(() => n++),
  dropIn: n++,
  names: unitNames.map(() => n++),
  dropInDirs: dropInDirs.map(() => n++),
};

beforeAll(() => {
  const unitFiles = unitTexts.map(([text], i) => {
    const file = path.join(dir, `u${i}.service`);
    fs.writeFileSync(file, text);
    return file;
  });
  const dropIn = path.join(dir, "d.conf");
  fs.writeFileSync(dropIn, "[Service]\nUser=override\nReadWritePaths=/var/lib/x\n");
  results = callCollector(collectorProgram(), [
    ...environmentLines.map(([line]) => ["environment_assignments", [[line], SPEC_TABLE]] as [string, unknown[]]),
    ["environment_assignments", [["A=1 B=2", "A=3"], {}]],
    ...envFiles.map(([text]) => ["parse_env_file", [text]] as [string, unknown[]]),
    ...execStarts.map(([lines]) => ["exec_argv", [lines, SPEC_TABLE]] as [string, unknown[]]),
    ["specifier_table", ["app@blue.service", "/etc/systemd/system/app@.service"]],
    ...unitFiles.map((file) => ["merge_assignments", [[file]]] as [string, unknown[]]),
    ["merge_assignments", [[unitFiles[3]!, dropIn]]],
    ...unitNames.map(([name]) => ["unit_name", [name]] as [string, unknown[]]),
    ...dropInDirs.map(([unit]) => ["_dropin_dir_names", [unit]] as [string, unknown[]]),
  ]);
}, 60_000); // one real interpreter: seconds on a loaded machine

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test.each(environmentLines.map(([line, expected], i) => ({ line, expected, i })))(
  "Environment=$line",
  ({ expected, i }) => {
    expect(results[slots.env[i]!]).toEqual(expected);
  },
);

test("later Environment= assignments of the same key win across lines", () => {
  expect(results[slots.envLater]).toEqual({ A: "3", B: "2" });
});

test.each(envFiles.map(([text, expected], i) => ({ text: JSON.stringify(text), expected, i })))(
  "EnvironmentFile= $text",
  ({ expected, i }) => {
    expect(results[slots.files[i]!]).toEqual(expected);
  },
);

test.each(execStarts.map(([lines, expected], i) => ({ lines: JSON.stringify(lines), expected, i })))(
  "ExecStart=$lines gives the first command's argv",
  ({ expected, i }) => {
    expect(results[slots.exec[i]!]).toEqual(expected);
  },
);

test("specifiers of the system manager: %h and %u are root's, %% is a percent sign", () => {
  const table = results[slots.specifiers] as Record<string, string>;
  const expand = (s: string) => s.replace(/%(.)/g, (m, c: string) => table[c] ?? m);
  expect(expand("%C %S %t %h %u %% %i %p %N")).toBe("/var/cache /var/lib /run /root root % blue app app@blue");
});

test.each(unitTexts.map(([text, expected], i) => ({ text: JSON.stringify(text), expected, i })))(
  "unit text $text",
  ({ expected, i }) => {
    expect(results[slots.units[i]!]).toMatchObject(expected);
  },
);

test("a drop-in's scalar replaces the fragment's and its lists append", () => {
  expect(results[slots.dropIn]).toMatchObject({ User: "override", ReadWritePaths: ["/var/lib/x"] });
});

test.each(unitNames.map(([name, expected], i) => ({ name, expected, i })))(
  "--service $name means $expected",
  ({ expected, i }) => {
    expect(results[slots.names[i]!]).toBe(expected);
  },
);

test.each(dropInDirs.map(([unit, expected], i) => ({ unit, expected, i })))(
  "drop-in directories of $unit",
  ({ expected, i }) => {
    expect(results[slots.dropInDirs[i]!]).toEqual(expected);
  },
);
