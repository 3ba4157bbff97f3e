import { InOrderQueue } from "./in-order-queue";

type Pathed = { path: string };
type Entry<T> = { item: T; match: T | null | undefined };

/**
 * Matches two lists by `path` (unique within each list: they are files of one root) as they arrive, in pieces
 * or whole (alignByPath): each left item is visited in order with the right item of the same path or null,
 * then `finish` returns the right items nobody matched, in order. Only what is still unmatched is held: for
 * two snapshots of one deployment, which list their files in the same order, that is about one piece of each
 * side, whatever their size.
 */
export class PathAligner<T extends Pathed> {
  private readonly waitingLeft = new Map<string, Entry<T>>();
  private readonly waitingRight = new Map<string, T>();
  /** Left items in order, from the first not yet visited. */
  private readonly queue = new InOrderQueue<Entry<T>>();
  private rightEnded = false;

  constructor(private readonly visit: (l: T, r: T | null) => void) {}

  /** The next left item; visits happen at flush(). */
  left(item: T): void {
    const match = this.waitingRight.get(item.path);
    if (match) this.waitingRight.delete(item.path);
    const entry: Entry<T> = { item, match: match ?? (this.rightEnded ? null : undefined) };
    if (entry.match === undefined) this.waitingLeft.set(item.path, entry);
    this.queue.push(entry);
  }

  /** The next right item; visits happen at flush(). */
  right(item: T): void {
    const entry = this.waitingLeft.get(item.path);
    if (entry) {
      this.waitingLeft.delete(item.path);
      entry.match = item;
    } else this.waitingRight.set(item.path, item);
  }

  /** The right list is complete: a left item still waiting has no counterpart. */
  endRight(): void {
    this.rightEnded = true;
    for (const entry of this.waitingLeft.values()) entry.match = null;
    this.waitingLeft.clear();
    this.flush();
  }

  /** Both lists are complete: the right items nobody matched, in order. */
  finish(): T[] {
    if (!this.rightEnded) this.endRight();
    return [...this.waitingRight.values()];
  }

  /** Visits the left items whose counterpart is known, in order. */
  flush(): void {
    this.queue.drain(({ item, match }) => this.visit(item, match ?? null));
  }
}
