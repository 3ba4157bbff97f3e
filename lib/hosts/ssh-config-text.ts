import path from "node:path";

export type ConfigFiles = {
  readFile(file: string): string | null;
  /** Names in a directory, for Include globs. */
  listDir(dir: string): string[];
  home: string;
};

const MAX_DEPTH = 16; // OpenSSH's limit on nested Includes

const wildcard = (pattern: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
  );

/** Include's arguments as files: `~` expanded, relative to ~/.ssh as OpenSSH does for user configs, globs sorted. */
function includedFiles(args: string, files: ConfigFiles): string[] {
  return args
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((arg) => {
      const expanded = arg.startsWith("~/") ? path.join(files.home, arg.slice(2)) : arg;
      const full = path.isAbsolute(expanded) ? expanded : path.join(files.home, ".ssh", expanded);
      const base = path.basename(full);
      if (!/[*?]/.test(base)) return [full];
      const re = wildcard(base);
      return files
        .listDir(path.dirname(full))
        .filter((name) => re.test(name))
        .sort()
        .map((name) => path.join(path.dirname(full), name));
    });
}

/**
 * The config text with every Include replaced by the files it names (the `ssh-config` parser reads
 * one text and leaves Include alone). Inlining is exact for the usual layout — Includes at the top
 * level, or files holding whole Host blocks.
 */
export function expandIncludes(file: string, files: ConfigFiles, depth = 0): string {
  const text = files.readFile(file);
  if (text === null) return "";
  if (depth > MAX_DEPTH) throw new Error(`Include nested more than ${MAX_DEPTH} deep in ${file}`);
  return text
    .split(/\r?\n/)
    .map((line) => {
      const match = /^\s*include\s*[=\s]\s*(.+?)\s*$/i.exec(line);
      if (!match) return line;
      return includedFiles(match[1]!, files)
        .map((included) => expandIncludes(included, files, depth + 1))
        .join("\n");
    })
    .join("\n");
}
