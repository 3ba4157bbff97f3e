import path from "node:path";

/** The project's own folder: set by bin/deploylens so the CLI finds it from any working directory. */
export function projectRoot(): string {
  return process.env.DEPLOYLENS_HOME ?? process.cwd();
}

/** The SQLite file in use: `DATABASE_URL` (`file:` URL or plain path) or `./data/deploylens.db`. */
export function databaseFile(): string {
  const url = process.env.DATABASE_URL;
  if (!url) return path.join(projectRoot(), "data", "deploylens.db");
  const file = url.startsWith("file:") ? url.slice("file:".length) : url;
  return path.resolve(projectRoot(), file);
}

export function migrationsDir(): string {
  return path.join(projectRoot(), "prisma", "migrations");
}
