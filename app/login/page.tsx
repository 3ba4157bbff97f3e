import { FirstRunNotice } from "@/components/auth/FirstRunNotice";
import { LoginForm } from "@/components/auth/LoginForm";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { isFirstRun } from "@/lib/auth/user-views";

export default async function LoginPage({ searchParams }: PageProps<"/login">) {
  const { next } = await searchParams;
  const firstRun = await isFirstRun();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
      {firstRun && <FirstRunNotice />}
      <LoginForm next={safeNextPath(next)} />
    </div>
  );
}
