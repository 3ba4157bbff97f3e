import Link from "next/link";

const link =
  "rounded border border-slate-300 px-3 py-1 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800";

function pageHref(q: string, page: number): string {
  const query = new URLSearchParams();
  if (q) query.set("q", q);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `/?${text}` : "/";
}

/** The host list's search by name (a plain GET form) and its previous/next page links. */
export function HostSearch({ q }: { q: string }) {
  return (
    <form method="get" action="/" role="search" className="flex items-center gap-2 text-sm">
      <label htmlFor="host-search" className="sr-only">
        Search hosts by name
      </label>
      <input
        id="host-search"
        name="q"
        type="search"
        defaultValue={q}
        placeholder="Search hosts by name"
        className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
      />
      <button type="submit" className={link}>
        Search
      </button>
    </form>
  );
}

export function HostPager({ q, page, hasMore, shown }: { q: string; page: number; hasMore: boolean; shown: number }) {
  if (page === 1 && !hasMore) return null;
  return (
    <nav aria-label="Host pages" className="mt-4 flex items-center gap-3 text-sm">
      {page > 1 ? (
        <Link href={pageHref(q, page - 1)} className={link} rel="prev">
          Previous
        </Link>
      ) : null}
      <span className="text-slate-600 dark:text-slate-400">
        Page {page}
        {shown > 0 ? ` (${shown} hosts)` : ""}
      </span>
      {hasMore ? (
        <Link href={pageHref(q, page + 1)} className={link} rel="next">
          Next
        </Link>
      ) : null}
    </nav>
  );
}
