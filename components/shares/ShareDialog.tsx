"use client";

import { useState } from "react";

type Created = { id: string; url: string; expiresAt: string };
type Props = { left: string; right: string };

/** "Share publicly…": makes a public read-only link to this comparison and shows it with its expiry. */
export function ShareDialog({ left, right }: Props) {
  const [open, setOpen] = useState(false);
  const [days, setDays] = useState("7");
  const [created, setCreated] = useState<Created | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function create() {
    setError(null);
    const response = await fetch("/api/shares", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ left, right, expires: `${days}d` }),
    });
    const body = (await response.json()) as { data?: Created; error?: { message: string } };
    if (body.data) setCreated(body.data);
    else setError(body.error?.message ?? `request failed (${response.status})`);
  }
  async function revoke() {
    if (!created) return;
    const response = await fetch(`/api/shares/${created.id}`, {
      method: "DELETE",
      headers: { "content-type": "application/json" },
    });
    // A revocation that did not happen must not look as if it did.
    if (!response.ok) return setError(`could not revoke the link (${response.status}); it still works`);
    setCreated(null);
    setOpen(false);
  }
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className="text-slate-600 hover:underline">
        Share publicly…
      </button>
      {open && (
        <div
          role="dialog"
          aria-label="Share publicly"
          className="fixed inset-0 z-10 flex items-center justify-center bg-slate-900/30"
        >
          <div className="w-full max-w-lg space-y-3 rounded bg-white p-6 text-sm shadow-lg">
            <h2 className="text-lg font-semibold">Share this comparison publicly</h2>
            <p className="text-slate-600">
              Anyone with the link sees this comparison, read-only, until it expires or you revoke it.
            </p>
            {created ? (
              <ShareCreated created={created} onRevoke={revoke} />
            ) : (
              <div className="flex items-center gap-3">
                <label>
                  Expires in{" "}
                  <input
                    value={days}
                    onChange={(e) => setDays(e.target.value)}
                    className="w-14 rounded border px-2 py-1"
                    aria-label="Days"
                  />{" "}
                  days (at most 90)
                </label>
                <button
                  type="button"
                  onClick={create}
                  className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white"
                >
                  Create public link
                </button>
              </div>
            )}
            {error && (
              <p role="alert" className="text-red-800">
                {error}
              </p>
            )}
            <button type="button" onClick={() => setOpen(false)} className="text-slate-600 hover:underline">
              Close
            </button>
          </div>
        </div>
      )}
    </>
  );
}

function ShareCreated({ created, onRevoke }: { created: Created; onRevoke: () => void }) {
  const url = `${window.location.origin}${created.url}`;
  return (
    <div className="space-y-2">
      <input
        readOnly
        value={url}
        aria-label="Public link"
        className="w-full rounded border px-2 py-1 font-mono text-xs"
        onFocus={(e) => e.target.select()}
      />
      <p data-testid="share-expires">Expires {created.expiresAt.replace("T", " ").slice(0, 16)} UTC.</p>
      <button type="button" onClick={onRevoke} className="rounded border border-red-300 px-3 py-1.5 text-red-800">
        Revoke link
      </button>
    </div>
  );
}
