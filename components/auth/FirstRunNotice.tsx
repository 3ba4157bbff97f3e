/** On the sign-in page while no account exists: where the way in is, since nobody can sign in yet. */
export function FirstRunNotice() {
  return (
    <div
      role="status"
      data-testid="first-run-notice"
      className="max-w-xl rounded border border-amber-300 bg-amber-50 p-4 text-sm"
    >
      <p className="font-medium">No account exists yet.</p>
      <p className="mt-1">
        The server printed a one-time setup link on its console (the terminal where <code>npm start</code> runs), in a
        line starting with <code>deploylens: no users yet</code>. Open that link to create the first admin.
      </p>
    </div>
  );
}
