"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { RoleOptions } from "./RoleOptions";
import { userRequest } from "./user-request";

const INPUT = "rounded border border-slate-300 bg-white px-2 py-1";

/** Adds an account with a role and a first password (the user changes it by asking an admin to reset it). */
export function AddUserForm() {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  async function add(form: FormData) {
    const name = String(form.get("name") ?? "");
    const error = await userRequest("POST", "/api/users", {
      name,
      role: String(form.get("role") ?? "viewer"),
      password: String(form.get("password") ?? ""),
    });
    setMessage(error ? { ok: false, text: error } : { ok: true, text: `Added ${name}.` });
    if (!error) router.refresh();
  }
  return (
    <form action={add} className="flex flex-wrap items-end gap-3 text-sm" aria-label="Add a user">
      <label className="flex flex-col gap-1">
        Name
        <input name="name" required autoComplete="off" className={INPUT} />
      </label>
      <label className="flex flex-col gap-1">
        Role
        <select name="role" defaultValue="viewer" className={INPUT}>
          <RoleOptions />
        </select>
      </label>
      <label className="flex flex-col gap-1">
        Password (10+ characters)
        <input name="password" type="password" required minLength={10} autoComplete="new-password" className={INPUT} />
      </label>
      <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white">
        Add user
      </button>
      {message && (
        <p
          role={message.ok ? "status" : "alert"}
          className={`w-full ${message.ok ? "text-emerald-800" : "text-red-800"}`}
        >
          {message.text}
        </p>
      )}
    </form>
  );
}
