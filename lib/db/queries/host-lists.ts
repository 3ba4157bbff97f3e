import type { Host } from "@/lib/db/generated/client";

/**
 * The two list columns a Host stores as JSON text, decoded in one place: the host view, the collector spec and
 * the edit form all read them through here, so a change of encoding touches one function.
 */
export function decodeHostLists(host: Pick<Host, "appRoots" | "entryPoints">): {
  appRoots: string[];
  entryPoints: string[];
} {
  return {
    appRoots: JSON.parse(host.appRoots) as string[],
    entryPoints: host.entryPoints ? (JSON.parse(host.entryPoints) as string[]) : [],
  };
}
