import "server-only";
import { readThroughStore } from "@/lib/db/store-cache";
import { findHost, listHosts, toHostView, type HostView } from "@/lib/db/queries/hosts";
import { NotFoundError } from "@/lib/errors";

/** A saved host as pages show it (never a secret), by id or name; null when there is none. */
export function findHostView(idOrName: string): Promise<HostView | null> {
  return readThroughStore(`host-view:${idOrName}`, async () => {
    const row = await findHost(idOrName);
    return row && toHostView(row);
  });
}

/** findHostView(), or NotFoundError (404) when there is no such host. */
export async function getHostViewOrThrow(idOrName: string): Promise<HostView> {
  const host = await findHostView(idOrName);
  if (!host) throw new NotFoundError("host", idOrName);
  return host;
}

/** Every saved host as pages show it, by name. */
export function listHostViews(): Promise<HostView[]> {
  return readThroughStore("host-views", async () => (await listHosts()).map(toHostView));
}
