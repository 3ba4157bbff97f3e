"use client";

import { useState } from "react";

type ErrorBody = { error?: { message?: string } } | null;

/** One JSON POST; the caller decides what a failed status means. */
async function postJson(url: string, body: object): Promise<Response> {
  return fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

/**
 * The submit/fetch/error cycle the sign-in and setup forms share: `run` gets the form's fields and a `post`
 * that throws the server's own message when a request fails, so each form states only its steps.
 */
export function useJsonSubmit(
  run: (form: FormData, post: (url: string, body: object) => Promise<Response>) => Promise<void>,
) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function post(url: string, body: object): Promise<Response> {
    const response = await postJson(url, body);
    if (response.ok) return response;
    const parsed = (await response.json().catch(() => null)) as ErrorBody;
    throw new Error(parsed?.error?.message ?? `request failed (${response.status})`);
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
