import { FirstRunNotice } from "@/components/auth/FirstRunNotice";
import { LoginForm } from "@/components/auth/LoginForm";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { countUsers } from "@/lib/db/queries/users";

export default async function LoginPage({ searchParams }: PageProps<"/login">) {
  const { next } = await searchParams;
  const firstRun = (await countUsers()) === 0;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
      {firstRun && <FirstRunNotice />}
      <LoginForm next={safeNextPath(next)} />
    </div>
  );
}
