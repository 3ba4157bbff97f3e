"use client";

import { useRouter } from "next/navigation";

/** DELETE /api/session revokes the session on the server; then back to the sign-in page. */
export function SignOutButton() {
  const router = useRouter();
  async function signOut() {
    await fetch("/api/session", { method: "DELETE", headers: { "content-type": "application/json" } });
    router.push("/login");
    router.refresh();
  }
  return (
    <button onClick={signOut} className="text-slate-600 hover:text-slate-900">
      Sign out
    </button>
  );
}
