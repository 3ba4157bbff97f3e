import path from "node:path";
import { projectRoot } from "@/lib/project-root";

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
