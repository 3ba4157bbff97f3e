import type { FileRow } from "@/lib/compare/types";
import { afterTurns } from "@/lib/event-loop-turns";
import { fileRows } from "./file-rows";

/**
 * File rows rendered `turns` turns of the event loop after the table. React renders every part of a page that is
 * ready at once, so a thousand rows would be rendered, and written as HTML, in one stretch that holds every other
 * request; parts that wait different numbers of turns are rendered one per turn. They stay inside the comparison's
 * Suspense boundary, which is shown only once all of them have arrived.
 */
export async function FileRowsLater({ rows, turns }: { rows: FileRow[]; turns: number }) {
  await afterTurns(turns);
  return fileRows(rows);
}
