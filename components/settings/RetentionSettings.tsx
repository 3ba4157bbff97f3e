import type { RetentionPolicy } from "@/lib/retention/retention-policy";
import { saveRetention } from "./operations-actions";

const input = "w-24 rounded border border-slate-300 px-2 py-1 text-sm";

/** The retention policy: everything for N days, then one a day (for M days, or forever); changes and baselines always. */
export function RetentionSettings({ policy }: { policy: RetentionPolicy }) {
  return (
    <form action={saveRetention} className="space-y-3 text-sm" data-testid="retention-form">
      <label className="flex items-center gap-2">
        Keep every snapshot for
        <input
          name="keepAllDays"
          type="number"
          min={1}
          max={3650}
          defaultValue={policy.keepAllDays}
          className={input}
          required
        />
        days
      </label>
      <label className="flex items-center gap-2">
        then the last of each day for
        <input
          name="keepDailyDays"
          type="number"
          min={1}
          defaultValue={policy.keepDailyDays ?? ""}
          placeholder="forever"
          className={input}
        />
        days (empty: forever)
      </label>
      <p className="text-slate-600">
        Snapshots whose coverage, findings or configuration changed, and baselines, are always kept.
      </p>
      <div className="flex gap-3">
        <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white">
          Save retention
        </button>
        <button
          type="submit"
          name="reset"
          value="1"
          className="rounded px-3 py-1.5 text-slate-700 ring-1 ring-slate-300"
        >
          Use the environment&apos;s policy
        </button>
      </div>
    </form>
  );
}
