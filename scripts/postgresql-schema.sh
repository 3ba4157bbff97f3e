#!/bin/sh
# Prints prisma/schema.prisma as its PostgreSQL twin: the same models, the datasource's provider set to
# "postgresql" and the client generated into lib/db/generated-postgresql (absolute, as the copy lives elsewhere).
# prisma/schema.prisma stays the one source; this derived copy is never kept.
set -e
root="$(cd "$(dirname "$0")/.." && pwd)"
sed -e 's/^\(  provider *= *\)"sqlite"/\1"postgresql"/' \
    -e "s#^\(  output *= *\)\"../lib/db/generated\"#\1\"$root/lib/db/generated-postgresql\"#" \
    "$root/prisma/schema.prisma"
