#!/usr/bin/env bash
# Prints the PostgreSQL migration SQL that turns one Prisma schema into another, from the PostgreSQL twin of
# each (scripts/postgresql-schema.sh), without Prisma's native engines: it runs Prisma 6.19's WebAssembly
# schema engine (the last Prisma line that ships one for the CLI) in a cache folder of its own.
#
#   scripts/prisma-migration-sql-postgresql.sh --from-empty prisma/schema.prisma
#   scripts/prisma-migration-sql-postgresql.sh <(git show HEAD:prisma/schema.prisma) prisma/schema.prisma
#
# Put the output in prisma/migrations-postgresql/<the same name as the SQLite migration>/migration.sql.
set -euo pipefail
usage() { echo "usage: prisma-migration-sql-postgresql.sh (--from-empty | FROM_SCHEMA) TO_SCHEMA" >&2; exit 2; }
[ $# -eq 2 ] || usage
here="$(cd "$(dirname "$0")" && pwd)"
cache="${PRISMA_SQL_TOOL_CACHE:-$HOME/.cache/prisma-migration-sql-postgresql}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ ! -x "$cache/node_modules/.bin/prisma" ]; then
  mkdir -p "$cache"
  [ -f "$cache/package.json" ] || echo '{"name":"prisma-migration-sql-postgresql","private":true}' > "$cache/package.json"
  echo "prisma-migration-sql-postgresql: installing its own Prisma 6.19 once into $cache ..." >&2
  (cd "$cache" && npm install --no-audit --no-fund --silent prisma@6.19.3 @prisma/adapter-pg@6.19.3 pg@8 >&2)
fi

# Prisma 6 wants a url in the datasource block and no Prisma 7 generator options: keep the datasource
# (PostgreSQL's) and the models only, and give the datasource a placeholder url (the adapter is what connects).
strip() {
  python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
text = re.sub(r'generator\s+\w+\s*\{[^}]*\}', '', text)
text = re.sub(r'(datasource\s+\w+\s*\{)([^}]*)\}',
              lambda m: m.group(1) + re.sub(r'^\s*url\s*=.*$', '', m.group(2), flags=re.M)
              + '  url = "postgresql://unused@localhost/unused"\n}', text)
print(text)
PY
}
# The twin is derived from the file the script is given, not from the checkout's prisma/schema.prisma.
twin() { sed -e 's/^\(  provider *= *\)"sqlite"/\1"postgresql"/' "$1"; }
twin "$2" > "$work/to-twin.prisma" && strip "$work/to-twin.prisma" > "$work/to.prisma"
from=(--from-empty)
if [ "$1" != "--from-empty" ]; then
  twin "$1" > "$work/from-twin.prisma" && strip "$work/from-twin.prisma" > "$work/from.prisma"
  from=(--from-schema-datamodel "$work/from.prisma")
fi

# The WebAssembly engine connects through the adapter even for a diff of two datamodels: give it a throwaway
# server of its own (Debian's postgresql package), on a Unix socket in the work folder, no TCP.
bin="${POSTGRES_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
[ -x "$bin/initdb" ] || { echo "prisma-migration-sql-postgresql: PostgreSQL's initdb not found (apt-get install postgresql)" >&2; exit 1; }
as_owner=()
if [ "$(id -u)" = 0 ]; then chown nobody "$work"; as_owner=(runuser -u nobody --); fi
"${as_owner[@]}" "$bin/initdb" -D "$work/data" -U diff --auth=trust >/dev/null
"${as_owner[@]}" "$bin/pg_ctl" -D "$work/data" -l "$work/server.log" -w -o "-k $work -h ''" start >/dev/null
trap '"${as_owner[@]}" "$bin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1; rm -rf "$work"' EXIT

cat > "$work/prisma.config.ts" <<TS
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "to.prisma",
  async adapter() { return new PrismaPg({ host: "$work", user: "diff", database: "postgres" }); },
});
TS
ln -s "$cache/node_modules" "$work/node_modules"
cd "$work"
# The CLI checks for native engines before it starts; these names point it at files that exist,
# and the WebAssembly engine does the work.
PRISMA_QUERY_ENGINE_LIBRARY="$work/to.prisma" PRISMA_SCHEMA_ENGINE_BINARY="$work/to.prisma" \
PRISMA_HIDE_UPDATE_MESSAGE=1 "$cache/node_modules/.bin/prisma" migrate diff "${from[@]}" \
  --to-schema-datamodel "$work/to.prisma" --script 2>"$work/err" | grep -v '^Loaded Prisma config' || { cat "$work/err" >&2; exit 1; }
