"use client";

import { useRouter } from "next/navigation";
import type { PickerHost } from "@/lib/compare/picker-options";

type Props = { hosts: PickerHost[]; left: string; right: string };

/**
 * Changes either side to any host's latest snapshot or any recent snapshot, keeping the view's query string.
 * A submit button rather than navigating on change, so moving through the options with the keyboard is harmless.
 */
export function SidePicker({ hosts, left, right }: Props) {
  const router = useRouter();
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    router.push(`/compare/${String(form.get("left"))}/${String(form.get("right"))}${window.location.search}`);
  }
  const select = (name: "left" | "right", value: string) => (
    <label className="flex min-w-0 flex-1 flex-col gap-1 text-xs font-medium text-slate-700">
      {name === "left" ? "Left side" : "Right side"}
      <select
        name={name}
        defaultValue={value}
        className="min-w-0 rounded border border-slate-400 bg-white px-2 py-1.5 text-sm text-slate-900"
      >
        {!hosts.some((host) => host.snapshots.some((s) => s.id === value)) && (
          <option value={value}>this snapshot</option>
        )}
        {hosts.map((host) => (
          <optgroup key={host.name} label={host.name}>
            {host.snapshots.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" aria-label="Choose the sides">
      {select("left", left)}
      {select("right", right)}
      <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white">
        Show
      </button>
    </form>
  );
}
