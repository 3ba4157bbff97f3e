/** A word a POSIX shell reads back as exactly this text: as is when plain, else in single quotes. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A command line to paste: `deploylens` and its arguments, each quoted as needed. */
export const commandLine = (args: string[]) => ["deploylens", ...args.map(shellQuote)].join(" ");
