import Link from "next/link";
import { LINK_BUTTON } from "./host-list-params";

function pageHref(q: string, page: number): string {
  const query = new URLSearchParams();
  if (q) query.set("q", q);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `/?${text}` : "/";
}

/** Previous/next links of the host list; without a count query, "next" shows when a further host exists. */
export function HostPager({ q, page, hasMore, shown }: { q: string; page: number; hasMore: boolean; shown: number }) {
  if (page === 1 && !hasMore) return null;
  return (
    <nav aria-label="Host pages" className="mt-4 flex items-center gap-3 text-sm">
      {page > 1 ? (
        <Link href={pageHref(q, page - 1)} className={LINK_BUTTON} rel="prev">
          Previous
        </Link>
      ) : null}
      <span className="text-slate-600 dark:text-slate-400">
        Page {page}
        {shown > 0 ? ` (${shown} hosts)` : ""}
      </span>
      {hasMore ? (
        <Link href={pageHref(q, page + 1)} className={LINK_BUTTON} rel="next">
          Next
        </Link>
      ) : null}
    </nav>
  );
}
