import type { Permission } from "@/lib/snapshot/schema";

/** `st_mode & 0o7777` as ls/chmod users read it: 0755, 1777, 2775. */
export function formatMode(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(4, "0");
}

/** "root:root 0755" (numeric ids when the name is unknown; "+acl" when mode bits are not the whole story). */
export function describePermission(perm: Omit<Permission, "path">): string {
  const owner = perm.owner ?? String(perm.uid);
  const group = perm.group ?? String(perm.gid);
  return `${owner}:${group} ${formatMode(perm.mode)}${perm.acl ? " +acl" : ""}`;
}
