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

type Waiting = { item: string; order: number };

/**
 * The directory records of two paired roots joined by path as both blobs inflate, each record as its canonical
 * JSON: a pair whose records agree on what permissions compare is let go at once (two snapshots of one deployment
 * list their directories in the same order), so only the directories still waiting for their counterpart are held,
 * and the pairs that may differ.
 */
export class DirectoryJoin {
  private readonly waitingLeft = new Map<string, Waiting>();
  private readonly waitingRight = new Map<string, string>();
  private readonly differing: { order: number; left: string; right: string }[] = [];
  private order = 0;

  readonly left = (item: string): void => {
    const path = directoryPathOf(item);
    const order = this.order++;
    const right = this.waitingRight.get(path);
    if (right === undefined) this.waitingLeft.set(path, { item, order });
    else {
      this.waitingRight.delete(path);
      this.meet(order, item, right);
    }
  };

  readonly right = (item: string): void => {
    const path = directoryPathOf(item);
    const left = this.waitingLeft.get(path);
    if (!left) this.waitingRight.set(path, item);
    else {
      this.waitingLeft.delete(path);
      this.meet(left.order, left.item, item);
    }
  };

  /** The directories on both sides whose permissions may differ, parsed, in the left's order. */
  *changed(): Iterable<[Directory, Directory]> {
    this.differing.sort((a, b) => a.order - b.order);
    for (const { left, right } of this.differing) yield [JSON.parse(left) as Directory, JSON.parse(right) as Directory];
  }

  private meet(order: number, left: string, right: string): void {
    if (left !== right && permissionKey(left) !== permissionKey(right)) this.differing.push({ order, left, right });
  }
}
