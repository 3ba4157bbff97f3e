import "server-only";
import type { Host } from "@/lib/db/generated/client";
import { findHostIdByName, insertHost } from "@/lib/db/queries/hosts";
import { ConflictError } from "@/lib/errors";
import { hostInputSchema } from "./host-input";
import { hostRowData } from "./host-row-data";

/** Validates and saves a host; credentials are encrypted before they reach the database. */
export async function createHost(raw: unknown): Promise<Host> {
  const input = hostInputSchema.parse(raw);
  if (await findHostIdByName(input.name)) {
    throw new ConflictError(`a host named ${JSON.stringify(input.name)} already exists`);
  }
  const { connection, ...common } = hostRowData(input);
  if (input.transport === "local" || !connection) return insertHost(common);
  return insertHost({ ...common, ...connection, acceptNextHostKey: input.acceptHostKey });
}
