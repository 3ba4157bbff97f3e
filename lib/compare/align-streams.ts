type Batches = AsyncIterator<string[]> | null;
type Sinks = { left(batch: string[]): void; right(batch: string[]): void; endRight(): void };

const DONE: Promise<IteratorResult<string[]>> = Promise.resolve({ done: true, value: undefined });

/**
 * Hands both sides' batches of records to their sinks, always the side that has handed over fewer records so
 * far: batches are cut by bytes, and records of one side can be longer than the other's (a stale source names
 * its reason), so taking them in turns let one side run ahead by thousands of files, all waiting to be matched.
 * The next batch of each side is asked for in advance, so both blobs inflate at once (on the thread pool).
 * `endRight` is called once the right is done.
 */
export async function alignStreams(left: Batches, right: Batches, sinks: Sinks): Promise<void> {
  let nextLeft = left ? left.next() : DONE;
  let nextRight = right ? right.next() : DONE;
  let [leftDone, rightDone] = [false, false];
  let [fedLeft, fedRight] = [0, 0];
  while (!leftDone || !rightDone) {
    if (!leftDone && (rightDone || fedLeft <= fedRight)) {
      const step = await nextLeft;
      if (step.done) leftDone = true;
      else {
        nextLeft = left!.next();
        sinks.left(step.value);
        fedLeft += step.value.length;
      }
    } else {
      const step = await nextRight;
      if (step.done) {
        rightDone = true;
        sinks.endRight();
      } else {
        nextRight = right!.next();
        sinks.right(step.value);
        fedRight += step.value.length;
      }
    }
  }
}
