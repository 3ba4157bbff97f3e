import type { Directory } from "@/lib/snapshot/schema";

const PERM = ',"perm":{';
const PATH = ',"path":';

/**
 * A directory record's path, read from its canonical JSON (keys sorted: bytecode, path, perm, readable) without
 * parsing it: the one `"perm":` key is the record's own (a key's quotes are never escaped, a string's always are),
 * and the path is the value just before it. Anything else is parsed.
 */
export function directoryPathOf(item: string): string {
  const perm = item.lastIndexOf(PERM);
  const key = perm < 0 ? -1 : item.lastIndexOf(PATH, perm);
  const value = key < 0 ? "" : item.slice(key + PATH.length, perm);
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"') && !value.includes("\\"))
    return value.slice(1, -1);
  return (JSON.parse(item) as Directory).path;
}

/**
 * The directory records of a stored side's roots as stored (their canonical JSON, by path, in stored order):
 * a comparison parses only those that differ from their counterpart, equal records having equal permissions.
 */
export class StoredDirectories {
  private readonly byRoot = new Map<number, Map<string, string>>();

  readonly add = (root: number, item: string): void => {
    let items = this.byRoot.get(root);
    if (!items) this.byRoot.set(root, (items = new Map()));
    items.set(directoryPathOf(item), item);
  };

  of(root: number): ReadonlyMap<string, string> {
    return this.byRoot.get(root) ?? new Map();
  }
}

const WRITABILITY =
  /^\{"bytecode":(?:null|\{"access":\{"cause":"([a-z-]+)","reason":(?:null|"(?:[^"\\]|\\.)*"),"writable":(true|false)\})/;

/**
 * What a permission row compares of a directory record, as text: its bytecode's writability (cause and writable:
 * not the absolute paths, which differ wherever the roots do) and everything from its `perm` on (perm, readable).
 * The whole record for anything laid out otherwise.
 */
function permissionKey(item: string): string {
  const perm = item.lastIndexOf(PERM);
  const writability = perm < 0 ? null : WRITABILITY.exec(item);
  return writability ? `${writability[1] ?? "null"} ${writability[2] ?? ""}${item.slice(perm)}` : item;
}

/**
 * The directories present on both sides whose permissions may differ, parsed, in the left's order: records that
 * agree on what dirChanges compares are left out unparsed.
 */
export function* changedDirectories(
  left: ReadonlyMap<string, string>,
  right: ReadonlyMap<string, string>,
): Iterable<[Directory, Directory]> {
  for (const [path, item] of left) {
    const other = right.get(path);
    if (other !== undefined && other !== item && permissionKey(other) !== permissionKey(item))
      yield [JSON.parse(item) as Directory, JSON.parse(other) as Directory];
  }
}
