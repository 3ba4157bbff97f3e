import "server-only";
import { findHost, listHosts, toHostView, type HostView } from "@/lib/db/queries/hosts";

/** A saved host as pages show it (never a secret), by id or name; null when there is none. */
export async function findHostView(idOrName: string): Promise<HostView | null> {
  const row = await findHost(idOrName);
  return row && toHostView(row);
}

/** Every saved host as pages show it, by name. */
export async function listHostViews(): Promise<HostView[]> {
  return (await listHosts()).map(toHostView);
}
