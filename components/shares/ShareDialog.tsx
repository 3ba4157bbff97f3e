"use client";

import { useState } from "react";
import { CopyButton } from "@/components/ui/CopyButton";
import { RadioChoices } from "@/components/ui/RadioChoices";
import { ConfirmRevoke } from "./ConfirmRevoke";

type Created = { id: string; url: string; expiresAt: string };
type Props = { left: string; right: string };

/** The CLI's durations (`share create --expires`), as presets. */
const EXPIRY_PRESETS = [
  { value: "1h", label: "1 hour" },
  { value: "1d", label: "1 day" },
  { value: "7d", label: "7 days" },
  { value: "30d", label: "30 days" },
] as const;

/** "Share publicly…": makes a public read-only link to this comparison and shows it with its expiry. */
export function ShareDialog({ left, right }: Props) {
  const [open, setOpen] = useState(false);
  const [expires, setExpires] = useState<string>("7d");
  const [created, setCreated] = useState<Created | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function create() {
    setError(null);
    const response = await fetch("/api/shares", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ left, right, expires }),
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
      <button type="button" onClick={() => setOpen(true)} className="text-slate-700 hover:underline">
        Share publicly…
      </button>
      {open && (
        <div
          role="dialog"
          aria-modal="true"
          aria-labelledby="share-title"
          className="fixed inset-0 z-10 flex items-center justify-center bg-slate-900/30 p-4"
        >
          <div className="w-full max-w-lg space-y-3 rounded-lg bg-white p-6 text-sm shadow-lg">
            <h2 id="share-title" className="text-lg font-semibold">
              Share this comparison publicly
            </h2>
            <p className="text-slate-700">
              Anyone with the link sees this comparison, read-only, until it expires or you revoke it.
            </p>
            {created ? (
              <ShareCreated created={created} onRevoke={revoke} />
            ) : (
              <div className="space-y-3">
                <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-2">
                  <legend className="mb-1">Expires after</legend>
                  <RadioChoices
                    name="expires"
                    choices={EXPIRY_PRESETS}
                    value={expires}
                    onChange={setExpires}
                    gap="gap-1"
                  />
                </fieldset>
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
            <button type="button" onClick={() => setOpen(false)} className="text-slate-700 hover:underline">
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
      <div className="flex items-center gap-2">
        <input
          readOnly
          value={url}
          aria-label="Public link"
          className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-1 font-mono text-xs"
          onFocus={(e) => e.target.select()}
        />
        <CopyButton text={url} label="Copy the link" />
      </div>
      <p data-testid="share-expires">Expires {created.expiresAt.replace("T", " ").slice(0, 16)} UTC.</p>
      <ConfirmRevoke onRevoke={onRevoke} />
    </div>
  );
}
