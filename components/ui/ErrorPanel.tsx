"use client";

/** An error boundary's content: what failed, what to try, and a retry that re-renders the segment. */
export function ErrorPanel({
  what,
  error,
  reset,
}: {
  what: string;
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div
      role="alert"
      className="max-w-2xl space-y-3 rounded-lg border border-red-200 bg-red-50 p-5 text-sm text-red-800"
    >
      <h1 className="text-base font-semibold">Could not load {what}</h1>
      <p>
        The server hit an error while reading it. Try again; if it keeps failing, the server&apos;s console has the
        details{error.digest ? ` (reference ${error.digest})` : ""}.
      </p>
      <button
        type="button"
        onClick={reset}
        className="rounded bg-red-800 px-3 py-1.5 font-medium text-white hover:bg-red-700"
      >
        Try again
      </button>
    </div>
  );
}
