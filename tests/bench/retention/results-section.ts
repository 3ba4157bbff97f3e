import fs from "node:fs";

/**
 * RESULTS.md holds the generated tables plus sections written by hand or by a partial run, each between
 * `<!-- NAME -->` and `<!-- /NAME -->`: `retention` and `fleet` (written by `--only retention` and `--only fleet`)
 * and `history` (how the figures moved from run to run). A full run rewrites the tables and keeps these sections.
 */
export const KEPT_SECTIONS = ["history", "retention", "fleet"] as const;
type SectionName = (typeof KEPT_SECTIONS)[number];

const markers = (name: SectionName) => [`<!-- ${name} -->`, `<!-- /${name} -->`] as const;

function section(markdown: string, name: SectionName): string | null {
  const [start, end] = markers(name);
  const from = markdown.indexOf(start);
  const to = markdown.indexOf(end);
  return from >= 0 && to > from ? markdown.slice(from, to + end.length) : null;
}

/** The kept sections of a RESULTS.md, joined in a fixed order ("" when it has none). */
export function keptSections(markdown: string): string {
  return KEPT_SECTIONS.map((name) => section(markdown, name))
    .filter((text): text is string => text !== null)
    .join("\n\n");
}

/** Replaces (or appends) one partial run's section in the file, leaving the rest of RESULTS.md alone. */
export function writeResultsSection(file: string, name: "retention" | "fleet", body: string): void {
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const [start, end] = markers(name);
  const fresh = `${start}\n${body.trim()}\n${end}`;
  const old = section(current, name);
  const next = old ? current.replace(old, fresh) : `${current.trimEnd()}\n\n${fresh}\n`;
  fs.writeFileSync(file, next);
}
