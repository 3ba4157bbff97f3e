import type { HostView } from "@/lib/db/queries/hosts";

/** A plain GET form: the choice lands in the query string, so the page is linkable. */
export function ChooseHosts({ hosts, left, right }: { hosts: HostView[]; left?: string; right?: string }) {
  // Never offer a host against itself by default.
  const otherRight = right ?? hosts.find((h) => h.name !== left)?.name;
  const select = (name: string, value?: string) => (
    <select
      name={name}
      aria-label={name === "left" ? "Left host" : "Right host"}
      defaultValue={value}
      className="rounded border border-slate-300 px-2 py-1.5 text-sm"
    >
      {hosts.map((h) => (
        <option key={h.id} value={h.name}>
          {h.name}
        </option>
      ))}
    </select>
  );
  return (
    <form action="/compare" className="flex flex-wrap items-center gap-3">
      {select("left", left)} <span className="text-slate-500">vs</span> {select("right", otherRight)}
      <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white">
        Compare latest snapshots
      </button>
    </form>
  );
}
