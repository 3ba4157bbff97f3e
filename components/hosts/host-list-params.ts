/** Hosts per page of the home page's list: enough to scan, small enough to render at once. */
export const HOSTS_PER_PAGE = 100;
const SEARCH_MAX = 200;

/** The look of the host list's search button and page links. */
export const LINK_BUTTON =
  "rounded border border-slate-300 px-3 py-1 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800";

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** `?q=` (a part of the host name) and `?page=` (1-based) from the URL; a wrong page shows page 1, never an error. */
export function hostListParams(search: { q?: string | string[]; page?: string | string[] }) {
  const q = (first(search.q) ?? "").trim().slice(0, SEARCH_MAX);
  const pageText = first(search.page) ?? "";
  const parsed = /^\d{1,6}$/.test(pageText) ? Number(pageText) : 1;
  const page = parsed > 0 ? parsed : 1;
  return { q, page, skip: (page - 1) * HOSTS_PER_PAGE, take: HOSTS_PER_PAGE };
}
