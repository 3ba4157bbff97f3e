/**
 * The compare page's view state, kept in the query string so a permalink reproduces the exact view:
 * `all=1` shows unchanged rows too (the older `fields=all` means the same), `closed=files,packages` collapses sections.
 */
export const SECTION_IDS = ["headline", "findings", "service", "interpreter", "permissions", "files", "packages"];

export type CompareView = { all: boolean; closed: string[] };

type Query = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function parseCompareView(query: Query): CompareView {
  const all = first(query.all) === "1" || first(query.fields) === "all";
  const closed = (first(query.closed) ?? "").split(",").filter((id) => SECTION_IDS.includes(id));
  return { all, closed: [...new Set(closed)] };
}

/** "?all=1&closed=files" or "" for the default view; `closed` keeps the sections' page order. */
export function compareQuery(view: CompareView): string {
  const params = new URLSearchParams();
  if (view.all) params.set("all", "1");
  const closed = SECTION_IDS.filter((id) => view.closed.includes(id));
  if (closed.length) params.set("closed", closed.join(","));
  const text = params.toString().replaceAll("%2C", ",");
  return text ? `?${text}` : "";
}

/** `search` (a location's "?…") with its view replaced; other parameters (`left`, `right` on /compare) stay. */
export function replaceView(search: string, change: (view: CompareView) => CompareView): string {
  const params = new URLSearchParams(search);
  const view = change(parseCompareView(Object.fromEntries(params)));
  for (const key of ["all", "fields", "closed"]) params.delete(key);
  const rest = params.toString();
  const own = compareQuery(view).slice(1);
  const text = [rest, own].filter(Boolean).join("&");
  return text ? `?${text}` : "";
}
