/** What anyone may load without signing in: the sign-in and setup pages, public shares, static assets. */
const OPEN_PAGES = [/^\/login$/, /^\/setup$/, /^\/share\/[A-Za-z0-9_-]+$/];
const OPEN_API = [/^\/api\/session$/, /^\/api\/setup$/];
const STATIC = [/^\/_next\//, /^\/icon(\.\w+)?$/, /^\/favicon\.ico$/, /^\/robots\.txt$/, /^\/apple-icon(\.\w+)?$/];

export function isOpenPath(pathname: string): boolean {
  return [...OPEN_PAGES, ...OPEN_API, ...STATIC].some((pattern) => pattern.test(pathname));
}

export function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

export function isSharePath(pathname: string): boolean {
  return /^\/share\//.test(pathname);
}
