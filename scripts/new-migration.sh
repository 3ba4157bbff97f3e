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

if [ ! -x "$cache/node_modules/.bin/prisma" ]; then
  mkdir -p "$cache"
  [ -f "$cache/package.json" ] || echo '{"name":"deploylens-migration-sql","private":true}' > "$cache/package.json"
  echo "new-migration: installing Prisma 6.19 (WebAssembly engine) once into $cache ..." >&2
  (cd "$cache" && npm install --no-audit --no-fund --silent prisma@6.19.3 @prisma/adapter-libsql@6.19.3 @libsql/client@0.15 >&2)
fi

# Prisma 6 wants a url in the datasource and no Prisma 7 generator options: keep the datasource and models.
strip() {
  node -e '
    const text = require("fs").readFileSync(0, "utf8")
      .replace(/generator\s+\w+\s*\{[^}]*\}/g, "")
      .replace(/(datasource\s+\w+\s*\{)([^}]*)\}/, (_, head, body) =>
        head + body.replace(/^\s*url\s*=.*$/m, "") + "  url = \"file:./unused.db\"\n}");
    process.stdout.write(text);'
}
git -C "$root" show "$rev:prisma/schema.prisma" | strip > "$work/from.prisma"
strip < "$root/prisma/schema.prisma" > "$work/to.prisma"
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
ln -s "$cache/node_modules" "$work/node_modules"
# The CLI checks that native engines exist before it starts; point it at any file, the WebAssembly engine works.
sql=$(cd "$work" && PRISMA_QUERY_ENGINE_LIBRARY="$work/to.prisma" PRISMA_SCHEMA_ENGINE_BINARY="$work/to.prisma" \
  PRISMA_HIDE_UPDATE_MESSAGE=1 "$cache/node_modules/.bin/prisma" migrate diff --from-schema-datamodel from.prisma \
  --to-schema-datamodel to.prisma --script 2>"$work/err" | grep -v '^Loaded Prisma config') || { cat "$work/err" >&2; exit 1; }
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
