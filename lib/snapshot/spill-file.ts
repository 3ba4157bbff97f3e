import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// A file nobody else can name: it is unlinked as soon as it is open, so it vanishes with its descriptor, even
// when the process dies. The descriptor is closed by close(), or once the owner is garbage (a failed
// collection that never reached its close()).
const closeOnCollect = new FinalizationRegistry<number>((fd) => fs.close(fd, () => undefined));

/** Where a piece went in the file. */
export type Spilled = { position: number; bytes: number };

/**
 * An append-only scratch file in the temporary directory that holds what a process would rather not keep on
 * its heap, read back piece by piece. Written pages sit in the kernel's page cache, not in the process's
 * resident memory.
 */
export class SpillFile {
  private fd: number | null;
  private size = 0;

  private constructor(fd: number, owner: object) {
    this.fd = fd;
    closeOnCollect.register(owner, fd, this);
  }

  /** A new, already unlinked file; null when the temporary directory refuses one (the caller keeps its data). */
  static open(owner: object): SpillFile | null {
    let dir: string | null = null;
    try {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "deploylens-spill-"));
      const file = path.join(dir, "data");
      const fd = fs.openSync(file, "w+", 0o600);
      fs.rmSync(dir, { recursive: true, force: true });
      return new SpillFile(fd, owner);
    } catch {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
      return null;
    }
  }

  /** Appends the views in order; null when the write failed (a full disk), in which case nothing counts as written. */
  append(views: readonly ArrayBufferView[]): Spilled | null {
    if (this.fd === null) return null;
    const position = this.size;
    let at = position;
    try {
      for (const view of views) {
        let done = 0;
        while (done < view.byteLength) {
          const bytes = new Uint8Array(view.buffer, view.byteOffset + done, view.byteLength - done);
          done += fs.writeSync(this.fd, bytes, 0, bytes.byteLength, at + done);
        }
        at += view.byteLength;
      }
    } catch {
      return null;
    }
    this.size = at;
    return { position, bytes: at - position };
  }

  /** Fills `into` from `position` on. */
  read(into: ArrayBufferView, position: number): void {
    if (this.fd === null) throw new Error("the spill file is closed");
    const target = new Uint8Array(into.buffer, into.byteOffset, into.byteLength);
    let done = 0;
    while (done < target.byteLength) {
      const read = fs.readSync(this.fd, target, done, target.byteLength - done, position + done);
      if (read === 0) throw new Error("the spill file ended early");
      done += read;
    }
  }

  close(): void {
    if (this.fd === null) return;
    closeOnCollect.unregister(this);
    fs.closeSync(this.fd);
    this.fd = null;
  }
}
