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

. "$here/prisma6-diff.sh"
prisma6_install "$cache" prisma-migration-sql-postgresql @prisma/adapter-pg@6.19.3 pg@8

strip() { prisma6_schema "postgresql://unused@localhost/unused" < "$1"; }
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
prisma6_diff "$work" "$cache" "${from[@]}" --to-schema-datamodel "$work/to.prisma" || exit 1
