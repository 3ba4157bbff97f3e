// Stands in for the real origin when none is given: only "same origin or not" matters, and a relative
// `next` resolves against any origin the same way.
const PLACEHOLDER_ORIGIN = "http://deploylens.invalid";

function sameOriginPath(next: string, base: URL): string | null {
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return null;
  }
  if (url.origin !== base.origin) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * Where to go after sign-in: a path on this site, decided the way the browser will read it. The URL
 * parser drops tabs and newlines and turns "\" into "/", so "/\t/evil.example" is "//evil.example", another
 * site; the answer is the parsed path, which is checked once more because "/.//evil.example" parses to the
 * path "//evil.example".
 */
export function safeNextPath(next: unknown, origin: string = PLACEHOLDER_ORIGIN): string {
  if (typeof next !== "string" || !next.startsWith("/")) return "/";
  const base = new URL(origin);
  const path = sameOriginPath(next, base);
  return path !== null && sameOriginPath(path, base) === path ? path : "/";
}
