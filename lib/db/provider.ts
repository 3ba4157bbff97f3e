/** The databases DeployLens stores into: an embedded SQLite file (the default) or a PostgreSQL server. */
export type DatabaseProvider = "sqlite" | "postgresql";

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/** `DATABASE_URL` names PostgreSQL when it is a `postgresql://` (or `postgres://`) URL; anything else is SQLite. */
export function databaseProvider(url = process.env.DATABASE_URL): DatabaseProvider {
  return url && POSTGRES_URL.test(url) ? "postgresql" : "sqlite";
}

/** The PostgreSQL connection URL when the store is PostgreSQL, else null. */
export function postgresUrl(url = process.env.DATABASE_URL): string | null {
  return url && databaseProvider(url) === "postgresql" ? url : null;
}

/** The URL without its password, for messages and logs. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(a PostgreSQL URL that does not parse)";
  }
}
