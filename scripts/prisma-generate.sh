#!/bin/sh
# Generates both Prisma clients from prisma/schema.prisma: SQLite's (lib/db/generated) and, from the derived
# PostgreSQL schema (scripts/postgresql-schema.sh), PostgreSQL's (lib/db/generated-postgresql). A generated
# client is tied to one provider's query compiler, hence two; lib/db/client.ts picks one at run time.
# `prisma generate` never runs the schema engine, but the CLI insists the binary exists; point it at any file.
set -e
cd "$(dirname "$0")/.."
export PRISMA_SCHEMA_ENGINE_BINARY="$PWD/prisma/schema.prisma" PRISMA_HIDE_UPDATE_MESSAGE=1
npx --no-install prisma generate
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sh scripts/postgresql-schema.sh > "$work/schema.prisma"
npx --no-install prisma generate --schema "$work/schema.prisma"
