"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { replaceView } from "@/lib/compare/view-state";

/** "Only differences" on (the default) hides unchanged rows; off writes `?all=1` so the link keeps the view. */
export function OnlyDifferencesToggle({ all }: { all: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  function onChange(event: React.ChangeEvent<HTMLInputElement>) {
    const all = !event.currentTarget.checked;
    const query = replaceView(window.location.search, (view) => ({ ...view, all }));
    startTransition(() => router.replace(`${window.location.pathname}${query}`, { scroll: false }));
  }
  return (
    <label className="inline-flex items-center gap-2 font-medium text-slate-900">
      <input type="checkbox" defaultChecked={!all} onChange={onChange} className="size-4 accent-emerald-700" />
      Only differences
      {pending && <span className="text-xs font-normal text-slate-600">updating…</span>}
    </label>
  );
}
