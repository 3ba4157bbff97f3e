import { SetupForm } from "@/components/auth/SetupForm";
import { isSetupToken } from "@/lib/auth/setup-token";

// Only the link printed on the server's console at first start opens this form.
export default async function SetupPage({ searchParams }: PageProps<"/setup">) {
  const { token } = await searchParams;
  const valid = typeof token === "string" && isSetupToken(token);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Create the first admin</h1>
      {valid ? (
        <SetupForm token={token} />
      ) : (
        <p className="text-sm text-slate-600">
          This setup link is not valid. Use the link the server printed on its console at start-up, or run{" "}
          <code>deploylens users add NAME --role admin --password-stdin</code>.
        </p>
      )}
    </div>
  );
}
