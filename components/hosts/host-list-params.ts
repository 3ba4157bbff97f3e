/** Hosts per page of the home page's list: enough to scan, small enough to render at once. */
export const HOSTS_PER_PAGE = 100;
const SEARCH_MAX = 200;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** `?q=` (a part of the host name) and `?page=` (1-based) from the URL; a wrong page shows page 1, never an error. */
export function hostListParams(search: { q?: string | string[]; page?: string | string[] }) {
  const q = (first(search.q) ?? "").trim().slice(0, SEARCH_MAX);
  const pageText = first(search.page) ?? "";
  const parsed = /^\d{1,6}$/.test(pageText) ? Number(pageText) : 1;
  const page = parsed > 0 ? parsed : 1;
  return { q, page, skip: (page - 1) * HOSTS_PER_PAGE, take: HOSTS_PER_PAGE };
}
