import Link from "next/link";
import { findCurrentUser } from "@/lib/auth/require-page-role";
import type { Role } from "@/lib/auth/roles";

/**
 * What a signed-in user sees (with status 403) on a page their role does not open: which page, which
 * role it needs, and the role they have, so they know whom to ask.
 */
export async function ForbiddenPanel({ page, role, purpose }: { page: string; role?: Role; purpose: string }) {
  const user = await findCurrentUser();
  return (
    <div role="alert" className="max-w-2xl space-y-3 rounded-lg border border-amber-200 bg-amber-50 p-5 text-sm">
      <h1 className="text-base font-semibold text-amber-900">
        {role ? `${page} needs the ${role} role` : `${page} needs another role`}
      </h1>
      <p className="text-amber-900">{purpose}</p>
      {user && (
        <p className="text-amber-900">
          You are signed in as {user.name}, with the {user.role} role. An admin can change it.
        </p>
      )}
      <Link href="/" className="inline-block font-medium text-amber-900 underline">
        Back to the hosts
      </Link>
    </div>
  );
}
