"use client";

import { safeNextPath } from "@/lib/auth/safe-next-path";
import { useJsonSubmit } from "./use-json-submit";

/** POST /api/session; on success a full page load, so the header shows who is signed in. */
export function LoginForm({ next }: { next: string }) {
  const { onSubmit, error, busy } = useJsonSubmit(async (form, post) => {
    await post("/api/session", { name: form.get("name"), password: form.get("password") });
    // Checked again against the real origin: the page is the last place a crafted `next` could slip through.
    window.location.assign(safeNextPath(next, window.location.origin));
  });
  const field = "mt-1 block w-full rounded border border-slate-300 px-3 py-2 text-sm";
  return (
    <form onSubmit={onSubmit} className="max-w-sm space-y-4">
      <label className="block text-sm font-medium">
        Name
        <input name="name" autoComplete="username" required className={field} />
      </label>
      <label className="block text-sm font-medium">
        Password
        <input name="password" type="password" autoComplete="current-password" required className={field} />
      </label>
      <button
        type="submit"
        disabled={busy}
        className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white disabled:opacity-50"
      >
        Sign in
      </button>
      {error && (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      )}
    </form>
  );
}
