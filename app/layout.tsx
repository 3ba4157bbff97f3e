import type { Metadata } from "next";
import { headers } from "next/headers";
import { AppNav } from "@/components/auth/AppNav";
import { ThemeToggle } from "@/components/theme/ThemeToggle";
import { themeScript } from "@/components/theme/theme-script";
import { isOpenPath } from "@/lib/auth/open-paths";
import { findCurrentUser, PATH_HEADER } from "@/lib/auth/require-page-role";
import { redirect } from "next/navigation";
import "./globals.css";

export const metadata: Metadata = {
  title: "DeployLens",
  description: "Is bytecode caching working for this Python service, the same way as on that one?",
  // public/icon.svg; public/robots.txt keeps every page out of search engines, and so does this.
  icons: { icon: { url: "/icon.svg", type: "image/svg+xml" } },
  robots: { index: false, follow: false },
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // A public share page shows its comparison and nothing else: no links into the app, even when signed in.
  const requestHeaders = await headers();
  const isPublic = requestHeaders.get("x-deploylens-public") === "1";
  const user = isPublic ? null : await findCurrentUser();
  // A cookie that names no live session: send it to sign in here, before any page (or its loading skeleton)
  // starts streaming, so the answer is a real redirect and not a 200 that redirects later. Pages still check
  // their role themselves.
  const path = requestHeaders.get(PATH_HEADER) ?? "/";
  // The response's CSP nonce (proxy.ts): without it the browser would refuse the theme script.
  const nonce = requestHeaders.get("x-nonce") ?? undefined;
  if (!user && !isOpenPath(path.split("?")[0]!)) redirect(`/login?next=${encodeURIComponent(path)}`);
  return (
    // The theme script sets the "dark" class before hydration, hence the warning suppression on <html>.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body>
        <header className="border-b border-slate-200 bg-white">
          <nav className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 text-sm sm:gap-x-6 sm:px-6">
            <AppNav user={user} />
            <ThemeToggle />
          </nav>
        </header>
        <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6 sm:py-8">{children}</main>
      </body>
    </html>
  );
}
