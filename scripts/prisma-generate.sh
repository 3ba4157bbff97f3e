#!/bin/sh
# `prisma generate` never runs the schema engine, but the CLI insists the binary exists; point it at any file.
set -e
cd "$(dirname "$0")/.."
PRISMA_SCHEMA_ENGINE_BINARY="$PWD/prisma/schema.prisma" PRISMA_HIDE_UPDATE_MESSAGE=1 exec npx --no-install prisma generate
