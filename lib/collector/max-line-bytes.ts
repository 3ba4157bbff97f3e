/**
 * The longest single line the collector may send. Its lines are small: a records line carries 1,000 items
 * (tens of KiB) and the result line, without the per-file arrays, holds the service, the interpreter, the
 * packages and the startup closure (well under a MiB for a large application). A longer line is refused
 * before it is joined or parsed, so a hostile target cannot make the dashboard hold and parse hundreds of MB.
 */
export const MAX_LINE_BYTES = 8 * 1024 * 1024;
