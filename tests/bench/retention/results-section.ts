import fs from "node:fs";

const START = "<!-- retention -->";
const END = "<!-- /retention -->";

/** The retention figure lives in its own marked section of RESULTS.md, written by `--only retention`. */
export function retentionSection(markdown: string): string | null {
  const start = markdown.indexOf(START);
  const end = markdown.indexOf(END);
  return start >= 0 && end > start ? markdown.slice(start, end + END.length) : null;
}

/** Replaces (or appends) the section in the file, leaving the rest of RESULTS.md alone. */
export function writeRetentionSection(file: string, body: string): void {
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const section = `${START}\n${body.trim()}\n${END}`;
  const old = retentionSection(current);
  const next = old ? current.replace(old, section) : `${current.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(file, next);
}
