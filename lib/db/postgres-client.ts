import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresPrismaClient } from "./generated-postgresql/client";
import type { PrismaClient } from "./generated/client";

/**
 * Prisma's client for a PostgreSQL server, through the `pg` adapter (a pool of plain TCP connections).
 * The client generated for PostgreSQL (scripts/prisma-generate.sh) comes from the same schema as SQLite's:
 * the same models, fields and methods; only its query compiler differs. The two generated types differ in one
 * place, `$transaction`'s isolation levels (SQLite knows only Serializable, which PostgreSQL has too), so it is
 * handed to the app as the one PrismaClient type the app is written against.
 */
export function postgresClient(url: string): PrismaClient {
  const client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  return client as unknown as PrismaClient;
}
