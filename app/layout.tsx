import type { Metadata } from "next";
import Link from "next/link";
import "./globals.css";

export const metadata: Metadata = {
  title: "DeployLens",
  description: "Is bytecode caching working for this Python service, the same way as on that one?",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="border-b border-slate-200 bg-white">
          <nav className="mx-auto flex max-w-6xl items-center gap-6 px-6 py-3 text-sm">
            <Link href="/" className="font-semibold tracking-tight">DeployLens</Link>
            <Link href="/" className="text-slate-600 hover:text-slate-900">Hosts</Link>
            <Link href="/compare" className="text-slate-600 hover:text-slate-900">Compare</Link>
            <Link href="/settings" className="text-slate-600 hover:text-slate-900">Settings</Link>
          </nav>
        </header>
        <main className="mx-auto max-w-6xl px-6 py-8">{children}</main>
      </body>
    </html>
  );
}
