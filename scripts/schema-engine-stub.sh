#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded here.
# `prisma generate` only checks that the file exists; migrations run through
# scripts/migrate.ts (the engine as WebAssembly).
echo "points-ops: use npm run db:migrate (schema engine runs as WebAssembly)" >&2
exit 1
