"use client";

import { CredentialsForm } from "./CredentialsForm";

/** Creates the first admin with the one-time token, then signs in as that admin. */
export function SetupForm({ token }: { token: string }) {
  return (
    <CredentialsForm
      password="new"
      submitLabel="Create admin"
      run={async (form, post) => {
        const credentials = { name: form.get("name"), password: form.get("password") };
        await post("/api/setup", { token, ...credentials });
        await post("/api/session", credentials);
        window.location.assign("/");
      }}
    />
  );
}
