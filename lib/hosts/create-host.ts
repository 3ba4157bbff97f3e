import "server-only";
import type { Host } from "@/lib/db/generated/client";
import { findHostIdByName, insertHost } from "@/lib/db/queries/hosts";
import { ConflictError } from "@/lib/errors";
import { hostInputSchema } from "./host-input";
import { hostRowData } from "./host-row-data";
import { resolveSshText } from "./resolve-ssh-text";

/**
 * Validates and saves a host; credentials are encrypted before they reach the database. An `ssh` given as
 * text (USER@HOST[:PORT] or an ssh_config alias) is resolved first, once, like `hosts add --ssh`.
 */
export async function createHost(raw: unknown): Promise<Host> {
  const input = hostInputSchema.parse(resolveSshText(raw));
  if (await findHostIdByName(input.name)) {
    throw new ConflictError(`a host named ${JSON.stringify(input.name)} already exists`);
  }
  const { connection, ...common } = hostRowData(input);
  if (input.transport === "local" || !connection) return insertHost(common);
  return insertHost({ ...common, ...connection, acceptNextHostKey: input.acceptHostKey });
}
