"use client";

import { PASSWORD_MIN_LENGTH, PASSWORD_RULE } from "@/lib/auth/password-rule";
import { useJsonSubmit } from "./use-json-submit";

/** Creates the first admin with the one-time token, then signs in as that admin. */
export function SetupForm({ token }: { token: string }) {
  const { onSubmit, error, busy } = useJsonSubmit(async (form, post) => {
    const credentials = { name: form.get("name"), password: form.get("password") };
    await post("/api/setup", { token, ...credentials });
    await post("/api/session", credentials);
    window.location.assign("/");
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
        <input
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={PASSWORD_MIN_LENGTH}
          required
          aria-describedby="password-rule"
          className={field}
        />
        <span id="password-rule" className="mt-1 block text-xs font-normal text-slate-600">
          {PASSWORD_RULE}
        </span>
      </label>
      <button
        type="submit"
        disabled={busy}
        className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white disabled:opacity-50"
      >
        Create admin
      </button>
      {error && (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      )}
    </form>
  );
}
