// A revoked or expired public link (and one that never existed: the page does not say which, so a token
// cannot be probed) in the product's own frame, not the framework's bare 404.
export default function ShareNotFound() {
  return (
    <section
      data-testid="share-unavailable"
      className="mx-auto max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      <h1 className="text-xl font-semibold tracking-tight">This shared comparison is no longer available</h1>
      <p className="text-sm text-slate-700">
        The link was revoked or it expired: a shared link is a read-only view of one comparison for a set time.
      </p>
      <p className="text-sm text-slate-700">Ask whoever sent it for a new link.</p>
    </section>
  );
}
