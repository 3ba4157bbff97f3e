import fs from "node:fs";
import path from "node:path";

/**
 * The Debian archive this machine's apt is configured with (the first non-security `URIs:`/`deb` entry of
 * /etc/apt/sources.list and sources.list.d), so test fixtures fetch from the mirror the machine already uses
 * instead of one named in the repository; null when apt names none.
 */
export function aptMirror(): string | null {
  const files = ["/etc/apt/sources.list"];
  const dir = "/etc/apt/sources.list.d";
  if (fs.existsSync(dir))
    files.push(
      ...fs
        .readdirSync(dir)
        .filter((f) => /\.(list|sources)$/.test(f))
        .map((f) => path.join(dir, f)),
    );
  for (const file of files) {
    const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    for (const uri of file.endsWith(".sources") ? deb822Uris(text) : oneLineUris(text)) return uri.replace(/\/+$/, "");
  }
  return null;
}

/** One-line format: `deb [options] URI SUITE COMPONENT…`. */
function oneLineUris(text: string): string[] {
  return text
    .split("\n")
    .map((line) =>
      line
        .replace(/\[[^\]]*\]/, "")
        .trim()
        .split(/\s+/),
    )
    .filter((words) => words[0] === "deb" && isDebianArchive(words[1], words[2]))
    .map((words) => words[1] as string);
}

/** deb822 format: stanzas of `Types:`, `URIs:`, `Suites:`. */
function deb822Uris(text: string): string[] {
  return text.split(/\n\s*\n/).flatMap((stanza) => {
    const field = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, "mi").exec(stanza)?.[1]?.trim().split(/\s+/) ?? [];
    if (!field("Types").includes("deb")) return [];
    const suite = field("Suites")[0];
    return field("URIs").filter((uri) => isDebianArchive(uri, suite));
  });
}

/** The main archive: a Debian suite that is not the security archive. */
function isDebianArchive(uri: string | undefined, suite: string | undefined): boolean {
  return !!uri && !!suite && /^https?:\/\//.test(uri) && !suite.endsWith("-security") && /\/debian\/?$/.test(uri);
}
