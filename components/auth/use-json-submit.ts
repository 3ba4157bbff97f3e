"use client";

import { useState } from "react";
import { apiSend } from "@/components/api-fetch";

/**
 * The submit/fetch/error cycle the sign-in and setup forms share: `run` gets the form's fields and a `post`
 * that throws the server's own message when a request fails, so each form states only its steps.
 */
export function useJsonSubmit(
  run: (form: FormData, post: (url: string, body: object) => Promise<void>) => Promise<void>,
) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function post(url: string, body: object): Promise<void> {
    const result = await apiSend<unknown>(url, "POST", body);
    if (result.data === undefined) throw new Error(result.error?.message ?? `request failed (${result.status})`);
  }
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await run(new FormData(event.currentTarget), post);
    } catch (cause) {
      // A network failure (TypeError from fetch) is shown too: the button never stays disabled.
      setError(cause instanceof Error ? cause.message : String(cause));
      setBusy(false);
    }
  }
  return { onSubmit, error, busy };
}
