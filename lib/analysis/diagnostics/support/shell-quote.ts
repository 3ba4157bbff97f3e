const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;
const RAW_BYTE = /(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/;

/**
 * Quotes one word for a POSIX shell. Paths decoded with surrogateescape carry undecodable bytes as
 * lone surrogates; those need bash's $'…' form (\xNN) to reach the kernel as the same bytes.
 */
export function shellQuote(word: string): string {
  if (word !== "" && SAFE.test(word)) return word;
  if (!RAW_BYTE.test(word)) return `'${word.replace(/'/g, `'\\''`)}'`;
  let out = "";
  for (const ch of word) {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && code >= 0xdc80 && code <= 0xdcff) out += `\\x${(code - 0xdc00).toString(16)}`;
    else if (ch === "'" || ch === "\\") out += `\\${ch}`;
    else out += ch;
  }
  return `$'${out}'`;
}

export const shellJoin = (words: readonly string[]): string => words.map(shellQuote).join(" ");
