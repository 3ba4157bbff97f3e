import type { Directory, Permission, Root } from "@/lib/snapshot/schema";
import { describePermission } from "@/lib/analysis/diagnostics/support/format-mode";
import { joinPath } from "@/lib/analysis/diagnostics/support/join-path";
import { ROW_LIMIT, boundedCollector, type BoundedSection, type PermissionRow, type PermissionSide } from "./types";

type Perm = Omit<Permission, "path">;

/** Owner and group by name where known: uids of the same account differ between hosts. */
function permChanges(l: Perm, r: Perm): string[] {
  const changed: string[] = [];
  if ((l.owner ?? l.uid) !== (r.owner ?? r.uid)) changed.push("owner");
  if ((l.group ?? l.gid) !== (r.group ?? r.gid)) changed.push("group");
  if (l.mode !== r.mode) changed.push("mode");
  if (l.acl !== r.acl) changed.push("acl");
  return changed;
}

const bytecodeLabel = (d: Directory) =>
  d.bytecode ? (d.bytecode.access.writable ? "writable" : `not writable (${d.bytecode.access.cause})`) : null;

function dirSide(root: Root, d: Directory): PermissionSide {
  return {
    path: joinPath(root.path, d.path),
    perm: describePermission(d.perm),
    readable: d.readable,
    bytecode: bytecodeLabel(d),
  };
}

function dirChanges(l: Directory, r: Directory): string[] {
  const changed = permChanges(l.perm, r.perm);
  if (l.readable !== r.readable) changed.push("readable");
  if (bytecodeLabel(l) !== bytecodeLabel(r)) changed.push("bytecode");
  return changed;
}

/** Ancestors line up counted from the root upwards: parent with parent, grandparent with grandparent. */
function ancestorRows(pair: number, left: Root, right: Root, push: (row: PermissionRow) => void): void {
  const depth = Math.max(left.ancestors.length, right.ancestors.length);
  for (let up = 1; up <= depth; up++) {
    const l = left.ancestors[left.ancestors.length - up];
    const r = right.ancestors[right.ancestors.length - up];
    if (!l || !r) break; // one tree is deeper: there is nothing to line up above this level
    const changed = permChanges(l, r);
    if (changed.length === 0) continue;
    const side = (p: Permission) => ({ path: p.path, perm: describePermission(p), readable: null, bytecode: null });
    push({ pair, scope: "ancestor", key: Array(up).fill("..").join("/"), left: side(l), right: side(r), changed });
  }
}

/** The directories of two paired roots present on both sides, in the left's order. */
export function* commonDirectories(left: Root, right: Root): Iterable<[Directory, Directory]> {
  const rightDirs = new Map(right.dirs.map((d) => [d.path, d]));
  for (const l of left.dirs) {
    const r = rightDirs.get(l.path);
    if (r) yield [l, r]; // a directory on one side only is a directories/files difference, not a permission one
  }
}

/**
 * Permission and writability changes along each root pair, ancestors first, then the directories `directories`
 * gives for the pair (present on both sides, in the left's order; it may leave out pairs it knows are equal).
 */
export function permissionRows(
  roots: readonly [Root | null, Root | null][],
  directories: (pair: number, left: Root, right: Root) => Iterable<[Directory, Directory]>,
  limit = ROW_LIMIT,
): BoundedSection<PermissionRow> {
  const out = boundedCollector<PermissionRow>(limit);
  roots.forEach(([left, right], pair) => {
    if (!left || !right) return; // a root on one side only shows up in the root pairs and the files
    ancestorRows(pair, left, right, out.push);
    for (const [l, r] of directories(pair, left, right)) {
      const changed = dirChanges(l, r);
      if (changed.length)
        out.push({ pair, scope: "directory", key: l.path, left: dirSide(left, l), right: dirSide(right, r), changed });
    }
  });
  return out.section;
}
