import { retentionSection } from "../retention/results-section";

const DRIVER_START = "<!-- sqlite-driver -->";
const DRIVER_END = "<!-- /sqlite-driver -->";

/** The SQLite driver's before/after table: measured once, by hand, when the driver changed. */
function driverSection(markdown: string): string | null {
  const start = markdown.indexOf(DRIVER_START);
  const end = markdown.indexOf(DRIVER_END);
  return start >= 0 && end > start ? markdown.slice(start, end + DRIVER_END.length) : null;
}

/** Sections of RESULTS.md that a full run keeps as they are (written by other commands). */
export function keptSections(markdown: string): string[] {
  return [retentionSection(markdown), driverSection(markdown)].filter((s): s is string => s !== null);
}
