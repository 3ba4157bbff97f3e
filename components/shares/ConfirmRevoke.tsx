"use client";

import { useState } from "react";

/** "Revoke…" that asks once more, in place, before a link that someone may rely on stops working. */
export function ConfirmRevoke({ onRevoke, label = "Revoke link" }: { onRevoke: () => void; label?: string }) {
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button
        type="button"
        onClick={() => setAsking(true)}
        className="rounded border border-red-300 px-3 py-1 text-red-800 hover:bg-red-50"
      >
        {label}…
      </button>
    );
  return (
    <span className="inline-flex flex-wrap items-center gap-2" role="group" aria-label="Confirm revocation">
      <span>Anyone with the link will see that it is no longer available.</span>
      <button type="button" onClick={onRevoke} className="rounded bg-red-800 px-3 py-1 font-medium text-white">
        Yes, {label.toLowerCase()}
      </button>
      <button type="button" onClick={() => setAsking(false)} className="text-slate-700 underline">
        Keep it
      </button>
    </span>
  );
}
