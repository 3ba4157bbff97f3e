import Link from "next/link";

/** Previous/next links for a list paged with `?page=`; keeps `?per=` when the page size is not the default. */
export function Pagination({
  basePath,
  page,
  pages,
  per,
  defaultPer,
}: {
  basePath: string;
  page: number;
  pages: number;
  per: number;
  defaultPer: number;
}) {
  if (pages <= 1) return null;
  const href = (n: number) => {
    const query = new URLSearchParams({ page: String(n) });
    if (per !== defaultPer) query.set("per", String(per));
    return `${basePath}?${query.toString()}`;
  };
  const link =
    "rounded border border-slate-300 px-3 py-1 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800";
  return (
    <nav aria-label="Snapshot pages" className="mt-4 flex items-center gap-3 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} className={link} rel="prev">
          Newer
        </Link>
      ) : null}
      <span className="text-slate-600 dark:text-slate-400">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link href={href(page + 1)} className={link} rel="next">
          Older
        </Link>
      ) : null}
    </nav>
  );
}
