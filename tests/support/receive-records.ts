import { InventoryRecordsSink } from "@/lib/collector/inventory-records-sink";
import { parseEvent } from "@/lib/collector/parse-event";
import { InventoryBlobWriter } from "@/lib/snapshot/inventory-blob-writer";

/**
 * Feeds collector event lines through the store step's path (parseEvent → InventoryRecordsSink → blob
 * writer) as runCollector does: the joined inventory and its blob, or the first problem found.
 */
export async function receiveRecords(lines: string[]) {
  const writer = new InventoryBlobWriter();
  const sink = new InventoryRecordsSink(writer);
  for (const [index, line] of lines.entries()) {
    const parsed = parseEvent(Buffer.from(line), index + 1);
    if ("problem" in parsed) return parsed.problem;
    if (parsed.event.type === "records") {
      const problem = sink.add(parsed.event);
      if (problem) return problem;
    } else if (parsed.event.type === "result") {
      const joined = sink.join(parsed.event.inventory);
      if (typeof joined === "string") return joined;
      return { inventory: joined, blob: await writer.finish(joined) };
    }
  }
  return "no result";
}
