/**
 * Paths arrive as Python decoded them with surrogateescape: each undecodable byte is a lone
 * surrogate U+DC80–U+DCFF. Show such bytes as \xNN so the name stays visible and unambiguous.
 */
export function displayPath(path: string): string {
  // A low surrogate right after a high one is half of a real character (an emoji), not a raw byte.
  return path.replace(
    /(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/g,
    (ch) => `\\x${(ch.charCodeAt(0) - 0xdc00).toString(16).padStart(2, "0")}`,
  );
}
