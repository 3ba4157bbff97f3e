# Sourced by new-migration.sh and prisma-migration-sql-postgresql.sh (POSIX sh): Prisma 6.19's WebAssembly
# schema engine, the last Prisma line that ships one for the CLI, diffing two schemas without Prisma's native
# engines. It lives in a cache folder of its own, installed once from the npm registry, never in this project.

# prisma6_install CACHE NAME PACKAGE...: Prisma 6.19 and the named packages (the adapter) in CACHE, unless there.
prisma6_install() {
  p6_cache=$1
  p6_name=$2
  shift 2
  [ -x "$p6_cache/node_modules/.bin/prisma" ] && return 0
  mkdir -p "$p6_cache"
  [ -f "$p6_cache/package.json" ] || echo "{\"name\":\"$p6_name\",\"private\":true}" > "$p6_cache/package.json"
  echo "$p6_name: installing Prisma 6.19 (WebAssembly engine) once into $p6_cache ..." >&2
  (cd "$p6_cache" && npm install --no-audit --no-fund --silent prisma@6.19.3 "$@" >&2)
}

# prisma6_schema URL < SCHEMA > SCHEMA: Prisma 6 wants a url in the datasource block and no Prisma 7 generator
# options: the datasource and the models only, the datasource given URL as a placeholder (the adapter connects).
prisma6_schema() {
  node -e '
    const text = require("fs").readFileSync(0, "utf8")
      .replace(/generator\s+\w+\s*\{[^}]*\}/g, "")
      .replace(/(datasource\s+\w+\s*\{)([^}]*)\}/, (_, head, body) =>
        head + body.replace(/^\s*url\s*=.*$/m, "") + `  url = "${process.argv[1]}"\n}`);
    process.stdout.write(text);' "$1"
}

# prisma6_diff WORK CACHE ARG...: the SQL of `prisma migrate diff ARG... --script`, run in WORK, whose
# prisma.config.ts names the adapter and whose to.prisma is the target schema.
prisma6_diff() {
  p6_work=$1
  p6_cache=$2
  shift 2
  ln -s "$p6_cache/node_modules" "$p6_work/node_modules"
  # The CLI checks that native engines exist before it starts; point it at any file, the WebAssembly engine works.
  (cd "$p6_work" && PRISMA_QUERY_ENGINE_LIBRARY="$p6_work/to.prisma" PRISMA_SCHEMA_ENGINE_BINARY="$p6_work/to.prisma" \
    PRISMA_HIDE_UPDATE_MESSAGE=1 "$p6_cache/node_modules/.bin/prisma" migrate diff "$@" --script 2>"$p6_work/err") |
    grep -v '^Loaded Prisma config' || { cat "$p6_work/err" >&2; return 1; }
}
