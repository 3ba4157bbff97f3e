import { LINK_BUTTON } from "./host-list-params";

/** The host list's search by name: a plain GET form, so it works without JavaScript and in the URL. */
export function HostSearch({ q }: { q: string }) {
  return (
    <form method="get" action="/" role="search" className="mb-4 flex items-center gap-2 text-sm">
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
      <button type="submit" className={LINK_BUTTON}>
        Search
      </button>
    </form>
  );
}
