import type { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresPrismaClient } from "./generated-postgresql/client";
import type { PrismaClient } from "./generated/client";

type PgAdapterFactory = Pick<PrismaPg, "provider" | "adapterName" | "connect" | "connectToShadowDb">;

/**
 * Prisma's `pg` adapter, loaded when the first query connects: a process on SQLite (every CLI run by default)
 * never loads the PostgreSQL driver.
 */
function lazyPgAdapter(url: string): PgAdapterFactory {
  const adapter = import("@prisma/adapter-pg").then(({ PrismaPg }) => new PrismaPg({ connectionString: url }));
  adapter.catch(() => undefined);
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: async () => (await adapter).connect(),
    connectToShadowDb: async () => (await adapter).connectToShadowDb(),
  };
}

/**
 * Prisma's client for a PostgreSQL server, through the `pg` adapter (a pool of plain TCP connections).
 * The client generated for PostgreSQL (scripts/prisma-generate.sh) comes from the same schema as SQLite's:
 * the same models, fields and methods; only its query compiler differs. The two generated types differ in one
 * place, `$transaction`'s isolation levels (SQLite knows only Serializable, which PostgreSQL has too), so it is
 * handed to the app as the one PrismaClient type the app is written against.
 */
export function postgresClient(url: string): PrismaClient {
  const client = new PostgresPrismaClient({ adapter: lazyPgAdapter(url) });
  return client as unknown as PrismaClient;
}
