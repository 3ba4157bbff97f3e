"use client";

import { useState } from "react";

/** Creates the first admin with the one-time token, then signs in as that admin. */
export function SetupForm({ token }: { token: string }) {
  const [error, setError] = useState<string | null>(null);
  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const credentials = { name: form.get("name"), password: form.get("password") };
    const post = (url: string, body: object) =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const created = await post("/api/setup", { token, ...credentials });
    if (!created.ok) return setError(((await created.json()) as { error: { message: string } }).error.message);
    await post("/api/session", credentials);
    window.location.assign("/");
  }
  const field = "mt-1 block w-full rounded border border-slate-300 px-3 py-2 text-sm";
  return (
    <form onSubmit={submit} className="max-w-sm space-y-4">
      <label className="block text-sm font-medium">
        Name
        <input name="name" autoComplete="username" required className={field} />
      </label>
      <label className="block text-sm font-medium">
        Password
        <input name="password" type="password" autoComplete="new-password" minLength={10} required className={field} />
      </label>
      <button type="submit" className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white">
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
