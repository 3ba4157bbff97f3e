"use client";

import { PASSWORD_MIN_LENGTH, PASSWORD_RULE } from "@/lib/auth/password-rule";
import { useJsonSubmit } from "./use-json-submit";

type Props = {
  /** "new" asks for a password to set (its rule shown, the browser may suggest one); "current" for one to sign in with. */
  password: "new" | "current";
  submitLabel: string;
  run: Parameters<typeof useJsonSubmit>[0];
};

const field = "mt-1 block w-full rounded border border-slate-300 px-3 py-2 text-sm";

/** A name and a password, the button that submits them through `run`, and the error it failed with. */
export function CredentialsForm({ password, submitLabel, run }: Props) {
  const { onSubmit, error, busy } = useJsonSubmit(run);
  return (
    <form onSubmit={onSubmit} className="max-w-sm space-y-4">
      <label className="block text-sm font-medium">
        Name
        <input name="name" autoComplete="username" required className={field} />
      </label>
      <label className="block text-sm font-medium">
        Password
        {password === "new" ? (
          <>
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
          </>
        ) : (
          <input name="password" type="password" autoComplete="current-password" required className={field} />
        )}
      </label>
      <button
        type="submit"
        disabled={busy}
        className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white disabled:opacity-50"
      >
        {submitLabel}
      </button>
      {error && (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      )}
    </form>
  );
}
