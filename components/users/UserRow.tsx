"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { RoleOptions } from "./RoleOptions";
import { ConfirmRevoke } from "@/components/shares/ConfirmRevoke";
import { userRequest } from "./user-request";

type User = { name: string; role: string; createdAt: string };

/** One account: its role (changed in place), a password reset, and removal after a confirmation. */
export function UserRow({ user, self }: { user: User; self: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [resetting, setResetting] = useState(false);
  const path = `/api/users/${encodeURIComponent(user.name)}`;
  async function run(method: "PATCH" | "DELETE", body: object | undefined, done: string) {
    const error = await userRequest(method, path, body);
    setMessage(error ? { ok: false, text: error } : { ok: true, text: done });
    if (!error) router.refresh();
  }
  return (
    <tr className="border-t border-slate-100 align-top" data-user={user.name}>
      <td className="py-1.5 pr-2 font-medium">
        {user.name}
        {self && <span className="text-slate-600"> (you)</span>}
      </td>
      <td className="pr-2">
        <select
          aria-label={`Role of ${user.name}`}
          defaultValue={user.role}
          disabled={self}
          onChange={(e) => run("PATCH", { role: e.target.value }, `${user.name} is now ${e.target.value}.`)}
          className="rounded border border-slate-300 bg-white px-2 py-1"
        >
          <RoleOptions />
        </select>
      </td>
      <td className="space-y-1 pr-2">
        {resetting ? (
          <form
            action={(form) => run("PATCH", { password: String(form.get("password") ?? "") }, "Password reset.")}
            className="flex flex-wrap items-center gap-2"
          >
            <input
              name="password"
              type="password"
              required
              minLength={10}
              autoComplete="new-password"
              aria-label={`New password for ${user.name}`}
              className="rounded border border-slate-300 bg-white px-2 py-1"
            />
            <button type="submit" className="rounded bg-slate-900 px-2 py-1 text-white">
              Set password
            </button>
          </form>
        ) : (
          <button type="button" onClick={() => setResetting(true)} className="underline">
            Reset password…
          </button>
        )}
        {message && (
          <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-emerald-800" : "text-red-800"}>
            {message.text}
          </p>
        )}
      </td>
      <td>{!self && <ConfirmRevoke onRevoke={() => run("DELETE", undefined, "Removed.")} label="Remove user" />}</td>
    </tr>
  );
}
