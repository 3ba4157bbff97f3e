import type { SideNames } from "./side-names";

/** The header row of a two-sided table: a first column, then one column per side, named after its host. */
export function SideHeads({ first, names, extra }: { first: string; names: SideNames; extra?: string }) {
  return (
    <thead className="text-xs text-slate-600">
      <tr>
        <th scope="col" className="w-1/4 py-1 pr-2">
          {first}
        </th>
        <th scope="col" className="pr-2">
          Left · {names.left}
        </th>
        <th scope="col" className={extra ? "pr-2" : undefined}>
          Right · {names.right}
        </th>
        {extra && (
          <th scope="col" className="text-right">
            {extra}
          </th>
        )}
      </tr>
    </thead>
  );
}
