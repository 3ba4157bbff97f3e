// Bundles the CLI (lib/cli/main.ts and the lib/ code it imports) into one plain-JavaScript file, so that
// `deploylens` starts with plain node instead of compiling TypeScript at every run. npm packages stay
// external (loaded from node_modules as usual), except `server-only`: it becomes an empty module, as it
// is inside Next's server, where lib/ also runs.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const CLI_BUNDLE = path.join("dist", "cli", "entry.js");
// What the bundle is made of: a change to any of these makes it stale.
export const CLI_INPUTS = ["lib", "package.json", "tsconfig.json"];

const serverOnlyIsEmpty = {
  name: "server-only-is-empty",
  setup(build) {
    build.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    build.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "", loader: "js" }));
  },
};

// lib/db/sqlite-adapter.ts makes its libSQL clients with the file-only entry; Prisma's adapter imports the
// package's main entry, which loads the HTTP and WebSocket clients too, for a createClient the subclass replaces.
// So the CLI bundles the adapter and points that import at the file-only entry: one dependency fewer to load.
const libsqlAdapterOnFileClient = {
  name: "libsql-adapter-on-file-client",
  setup(build) {
    build.onResolve({ filter: /^@prisma\/adapter-libsql$/ }, (args) => ({
      path: fileURLToPath(import.meta.resolve(args.path)),
    }));
    build.onResolve({ filter: /^@libsql\/client$/ }, (args) =>
      args.importer.includes(`${path.sep}@prisma${path.sep}adapter-libsql${path.sep}`)
        ? { path: "@libsql/client/sqlite3", external: true }
        : undefined,
    );
  },
};

// Node reads a CommonJS package imported from ESM twice: once to find its export names (cjs-module-lexer, over
// Prisma's 200 KB runtime on every run), once to run it. Loaded with require(), it is only run; the bundle makes
// require() with createRequire (the banner below), and these packages reach the code through esbuild's interop,
// which gives a default import the whole module.exports, as node does for a CommonJS package. Only packages that
// are CommonJS alone belong here: one that also ships an ES module (ssh-config) has another default export there.
const REQUIRED_COMMONJS = ["@prisma/client/runtime/client", "ssh2", "libsql"];

const requireCommonJs = {
  name: "require-commonjs",
  setup(build) {
    const filter = new RegExp(`^(${REQUIRED_COMMONJS.map((name) => name.replace(/[/.]/g, "\\$&")).join("|")})$`);
    build.onResolve({ filter }, (args) =>
      args.namespace === "commonjs" ? { path: args.path, external: true } : { path: args.path, namespace: "commonjs" },
    );
    build.onLoad({ filter: /.*/, namespace: "commonjs" }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: "js",
    }));
  },
};

export async function buildCli(root) {
  const { build } = await import("esbuild");
  const outdir = path.join(root, path.dirname(CLI_BUNDLE));
  // Built beside the target and renamed over it, so a CLI starting meanwhile never loads half a build.
  const partial = `${outdir}.${process.pid}.tmp`;
  fs.rmSync(partial, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: ["lib/cli/entry.ts"],
    outdir: partial,
    outExtension: { ".js": ".js" },
    bundle: true,
    splitting: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    plugins: [serverOnlyIsEmpty, libsqlAdapterOnFileClient, requireCommonJs],
    banner: {
      js: 'import { createRequire as __cliRequire } from "node:module"; const require = __cliRequire(import.meta.url);',
    },
    logLevel: "warning",
    legalComments: "none",
  });
  fs.writeFileSync(path.join(partial, "package.json"), '{ "type": "module" }\n');
  fs.rmSync(outdir, { recursive: true, force: true });
  try {
    fs.renameSync(partial, outdir);
  } catch (error) {
    // Another CLI run rebuilt it at the same moment: its build is as good as this one.
    fs.rmSync(partial, { recursive: true, force: true });
    if (!fs.existsSync(path.join(root, CLI_BUNDLE))) throw error;
  }
  return path.join(root, CLI_BUNDLE);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
  const outfile = await buildCli(root);
  console.log(`built ${path.relative(root, outfile)}`);
}
