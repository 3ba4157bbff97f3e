#!/bin/sh
# Writes the SQL migrations (SQLite's in prisma/migrations, PostgreSQL's under the same name in
# prisma/migrations-postgresql) that turn the last committed prisma/schema.prisma into the working one, for
# machines where `npx prisma migrate dev --create-only` cannot run (Prisma 7's migration engine is a native
# binary downloaded from Prisma's own host). It uses Prisma 6.19's WebAssembly schema engine instead,
# installed once from the npm registry into a cache folder of its own (not into this project).
#
#   sh scripts/new-migration.sh add_user_table            # HEAD's schema → working schema
#   sh scripts/new-migration.sh add_user_table REV        # REV's schema → working schema
#
# Review the files it prints, then `npm run postinstall` regenerates both clients. PostgreSQL's needs Debian's
# postgresql package (scripts/prisma-migration-sql-postgresql.sh starts a throwaway server for the diff).
set -eu
[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: sh scripts/new-migration.sh NAME [GIT_REV]" >&2; exit 2; }
name=$1
rev=${2:-HEAD}
case "$name" in *[!a-z0-9_]*|'') echo "NAME: lower-case letters, digits and _ only" >&2; exit 2 ;; esac
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${DEPLOYLENS_MIGRATION_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/deploylens-migration-sql}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

. "$root/scripts/prisma6-diff.sh"
prisma6_install "$cache" new-migration @prisma/adapter-libsql@6.19.3 @libsql/client@0.15

git -C "$root" show "$rev:prisma/schema.prisma" | prisma6_schema "file:./unused.db" > "$work/from.prisma"
prisma6_schema "file:./unused.db" < "$root/prisma/schema.prisma" > "$work/to.prisma"
cat > "$work/prisma.config.ts" <<'TS'
import { defineConfig } from "prisma/config";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "to.prisma",
  async adapter() { return new PrismaLibSQL({ url: "file:./unused.db" }); },
});
TS
sql=$(prisma6_diff "$work" "$cache" --from-schema-datamodel from.prisma --to-schema-datamodel to.prisma) || exit 1
case "$sql" in *"empty migration"*|'') echo "new-migration: the schema did not change since $rev" >&2; exit 1 ;; esac
dir="$root/prisma/migrations/$(date -u +%Y%m%d%H%M%S)_$name"
mkdir -p "$dir"
printf '%s\n' "$sql" > "$dir/migration.sql"
echo "$dir/migration.sql"
pg_dir="$root/prisma/migrations-postgresql/$(basename "$dir")"
git -C "$root" show "$rev:prisma/schema.prisma" > "$work/from-schema.prisma"
mkdir -p "$pg_dir"
bash "$root/scripts/prisma-migration-sql-postgresql.sh" "$work/from-schema.prisma" "$root/prisma/schema.prisma" \
  > "$pg_dir/migration.sql" || { rm -rf "$pg_dir"; exit 1; }
echo "$pg_dir/migration.sql"
