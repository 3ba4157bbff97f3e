"use client";

import { safeNextPath } from "@/lib/auth/safe-next-path";
import { CredentialsForm } from "./CredentialsForm";

/** POST /api/session; on success a full page load, so the header shows who is signed in. */
export function LoginForm({ next }: { next: string }) {
  return (
    <CredentialsForm
      password="current"
      submitLabel="Sign in"
      run={async (form, post) => {
        await post("/api/session", { name: form.get("name"), password: form.get("password") });
        // Checked again against the real origin: the page is the last place a crafted `next` could slip through.
        window.location.assign(safeNextPath(next, window.location.origin));
      }}
    />
  );
}
