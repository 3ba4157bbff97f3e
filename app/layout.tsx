import type { Metadata } from "next";
import { headers } from "next/headers";
import { AppNav } from "@/components/auth/AppNav";
import { findCurrentUser } from "@/lib/auth/require-page-role";
import "./globals.css";

export const metadata: Metadata = {
  title: "DeployLens",
  description: "Is bytecode caching working for this Python service, the same way as on that one?",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // A public share page shows its comparison and nothing else: no links into the app, even when signed in.
  const isPublic = (await headers()).get("x-deploylens-public") === "1";
  const user = isPublic ? null : await findCurrentUser();
  return (
    <html lang="en">
      <body>
        <header className="border-b border-slate-200 bg-white">
          <nav className="mx-auto flex max-w-6xl items-center gap-6 px-6 py-3 text-sm">
            <AppNav user={user} />
          </nav>
        </header>
        <main className="mx-auto max-w-6xl px-6 py-8">{children}</main>
      </body>
    </html>
  );
}
