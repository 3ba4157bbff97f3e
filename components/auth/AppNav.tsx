import Link from "next/link";
import type { SessionUser } from "@/lib/auth/sessions";
import { SignOutButton } from "./SignOutButton";

/** The header's links: only for a signed-in user (public share pages get none, see app/layout.tsx). */
export function AppNav({ user }: { user: SessionUser | null }) {
  if (!user) return <span className="font-semibold tracking-tight">DeployLens</span>;
  return (
    <>
      <Link href="/" className="font-semibold tracking-tight">
        DeployLens
      </Link>
      <Link href="/" className="text-slate-600 hover:text-slate-900">
        Hosts
      </Link>
      <Link href="/compare" className="text-slate-600 hover:text-slate-900">
        Compare
      </Link>
      {user.role === "admin" && (
        <Link href="/settings" className="text-slate-600 hover:text-slate-900">
          Settings
        </Link>
      )}
      <span className="ml-auto text-slate-600" data-testid="signed-in-as">
        {user.name}
        <span className="hidden sm:inline"> ({user.role})</span>
      </span>
      <SignOutButton />
    </>
  );
}
