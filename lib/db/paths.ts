import path from "node:path";
import { projectRoot } from "@/lib/project-root";
import { databaseProvider, type DatabaseProvider } from "./provider";

/** The SQLite file in use: `DATABASE_URL` (`file:` URL or plain path) or `./data/deploylens.db`. */
export function databaseFile(): string {
  const url = process.env.DATABASE_URL;
  if (databaseProvider(url) === "postgresql")
    throw new Error("DATABASE_URL names PostgreSQL: there is no database file");
  if (!url) return path.join(projectRoot(), "data", "deploylens.db");
  const file = url.startsWith("file:") ? url.slice("file:".length) : url;
  return path.resolve(projectRoot(), file);
}

/**
 * The folder of what DeployLens keeps beside its database (the secret key): the SQLite file's folder, so a
 * copy of it carries everything along, or `./data` when the database is a PostgreSQL server.
 */
export function dataDir(): string {
  if (databaseProvider() === "postgresql") return path.join(projectRoot(), "data");
  return path.dirname(databaseFile());
}

/** Each provider's migrations, generated from the one prisma/schema.prisma (docs/development.md). */
export function migrationsDir(provider: DatabaseProvider = databaseProvider()): string {
  return path.join(projectRoot(), "prisma", provider === "postgresql" ? "migrations-postgresql" : "migrations");
}
