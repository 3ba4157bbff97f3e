import Link from "next/link";

// Any unknown page, host or snapshot: said in the product's frame, with the way back.
export default function NotFound() {
  return (
    <section className="mx-auto max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold tracking-tight">Not found</h1>
      <p className="text-sm text-slate-700">Nothing lives at this address: it may have been removed.</p>
      <p className="text-sm">
        <Link href="/" className="underline">
          Back to the hosts
        </Link>
      </p>
    </section>
  );
}
