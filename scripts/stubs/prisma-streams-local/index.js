// The prisma CLI loads this only for `prisma dev` (a local Postgres), never for `prisma generate`.
throw new Error("@prisma/streams-local is not installed: DeployLens does not use `prisma dev`.");
