import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

/**
 * The data path flows one way: transport → snapshot → collector → analysis → storage → the services built on
 * it → jobs → HTTP → CLI. A lib folder imports only folders of a LOWER rank (and itself), so no two folders
 * can import each other, directly or through others; a new folder must be ranked here. docs/architecture.md
 * states the same order. lib/snapshot ranks below lib/collector because it holds the contract (schema.ts)
 * the collector's output is checked against: the collector imports the contract, the contract knows nothing
 * of how it is produced.
 */
const RANK: Record<string, number> = {
  base: 0, // lib/*.ts: errors.ts, project-root.ts, base-url.ts
  transport: 1,
  snapshot: 2,
  collector: 3,
  analysis: 4,
  db: 5,
  // Services over storage, each on what it needs:
  secrets: 6,
  audit: 6,
  retention: 6,
  regressions: 6,
  compare: 6,
  "snapshot-reads": 6, // a stored snapshot as pages, the API and the CLI show it: its view, its JSON, its files
  auth: 7, // records sign-ins in the audit log
  hosts: 7, // opens a saved host: its secrets, its transport, its audit entries
  webhooks: 7, // posts regressions with the stored, encrypted URL
  shares: 8, // a public link to a comparison, made by a signed-in user
  jobs: 8, // collect → analyse → store → regressions → webhooks
  http: 9, // request/response plumbing of the route handlers: route(), the JSON envelope, error responses
  cli: 10,
};

const ROOT = path.resolve(import.meta.dirname, "../..");
const LIB = path.join(ROOT, "lib");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Every module specifier a file names: static imports and exports, side-effect imports, import(). */
function specifiers(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const found = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm)];
  return found.map((match) => match[1]!);
}

/** The absolute path a specifier points into, or null for packages and node: builtins. */
function target(file: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return path.join(ROOT, specifier.slice(2));
  if (specifier.startsWith(".")) return path.resolve(path.dirname(file), specifier);
  return null;
}

function layerOf(absolute: string): string | null {
  const relative = path.relative(LIB, absolute);
  if (relative.startsWith("..")) return null;
  const [first, ...rest] = relative.split(path.sep);
  return rest.length === 0 ? "base" : first!;
}

const files = [
  ...sourceFiles(LIB),
  ...sourceFiles(path.join(ROOT, "app")),
  ...sourceFiles(path.join(ROOT, "components")),
];
const imports = files.flatMap((file) => specifiers(file).map((specifier) => ({ file, to: target(file, specifier) })));

test("every lib folder has a rank", () => {
  const folders = fs
    .readdirSync(LIB, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  expect(folders.filter((folder) => !(folder in RANK))).toEqual([]);
});

test("lib imports point down the data path only", () => {
  const backEdges = imports.flatMap(({ file, to }) => {
    const from = layerOf(file);
    const into = to && layerOf(to);
    if (!from || !into || !(from in RANK) || !(into in RANK)) return [];
    return into !== from && RANK[into]! >= RANK[from]! ? [`${path.relative(ROOT, file)} → lib/${into}`] : [];
  });
  expect(backEdges).toEqual([]);
});

test("Prisma is reached only through lib/db/queries", () => {
  const client = path.join(LIB, "db", "client");
  const queries = path.join(LIB, "db", "queries") + path.sep;
  const outside = imports.filter(({ file, to }) => to?.replace(/\.ts$/, "") === client && !file.startsWith(queries));
  expect(outside.map(({ file }) => path.relative(ROOT, file))).toEqual([]);
});

test("Prisma's generated types stay in lib/db: other code reads the queries' own types", () => {
  const generated = path.join(LIB, "db", "generated") + path.sep;
  const db = path.join(LIB, "db") + path.sep;
  const outside = imports.filter(({ file, to }) => to?.startsWith(generated) && !file.startsWith(db));
  expect(outside.map(({ file }) => path.relative(ROOT, file))).toEqual([]);
});
