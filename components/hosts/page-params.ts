/** Page size of the host page's snapshot list; `?per=` changes it within bounds (a link can carry it). */
export const SNAPSHOTS_PER_PAGE = 20;
const MAX_PER_PAGE = 200;

function positiveInt(value: string | string[] | undefined): number | null {
  const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** `?page=` (1-based) and `?per=` from the URL, clamped: a wrong value shows page 1, never an error. */
export function pageParams(search: { page?: string | string[]; per?: string | string[] }) {
  const per = Math.min(positiveInt(search.per) ?? SNAPSHOTS_PER_PAGE, MAX_PER_PAGE);
  const page = positiveInt(search.page) ?? 1;
  return { page, per, skip: (page - 1) * per };
}
