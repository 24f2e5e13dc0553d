#!/bin/sh
echo "Prisma's native schema engine is not installed (it is downloaded from Prisma's servers)." >&2
echo "Use 'npm run db:migrate' (apply) or 'npm run db:migrate:dev -- <name>' (create) instead." >&2
exit 1
