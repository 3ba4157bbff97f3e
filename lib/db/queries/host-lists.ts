import type { Host } from "@/lib/db/generated/client";

/**
 * The two list columns a Host stores as JSON text, encoded and decoded in one place: the host view, the
 * collector spec and the edit form read them through here, adding and editing a host write them through
 * encodeHostLists, so a change of encoding touches this file only.
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

/** The column values for the two lists; an empty entry-point list is stored as null (none set). */
export function encodeHostLists(lists: {
  appRoots: string[];
  entryPoints: string[];
}): Pick<Host, "appRoots" | "entryPoints"> {
  return {
    appRoots: JSON.stringify(lists.appRoots),
    entryPoints: lists.entryPoints.length ? JSON.stringify(lists.entryPoints) : null,
  };
}
