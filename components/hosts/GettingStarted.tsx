import Link from "next/link";
import { Card } from "@/components/ui/Card";
import { CodeBlock } from "@/components/ui/CodeBlock";

/** The home page with no hosts yet: what DeployLens does and the one next step. */
export function GettingStarted() {
  return (
    <Card>
      <div className="space-y-4">
        <div>
          <h2 className="text-lg font-semibold">Add your first host</h2>
          <p className="mt-1 max-w-2xl text-sm text-slate-600">
            DeployLens checks, read-only, whether your Python service really uses cached bytecode: which modules are
            recompiled at every start, why (permissions, systemd sandboxing, interpreter flags), and how to fix it.
            Start with the machine the service runs on — this one, or one you reach over SSH.
          </p>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="rounded border border-slate-200 p-4 dark:border-slate-700">
            <h3 className="font-medium">This machine</h3>
            <p className="mt-1 text-sm text-slate-600">
              You fill in the app root and the service unit; DeployLens runs its read-only collector here, which reads
              those files without importing your code and writes nothing.
            </p>
            <Link
              href="/hosts/new"
              className="mt-3 inline-block rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700"
            >
              Add a host
            </Link>
          </div>
          <div className="rounded border border-slate-200 p-4 dark:border-slate-700">
            <h3 className="font-medium">Add an SSH host</h3>
            <p className="mt-1 text-sm text-slate-600">
              DeployLens logs in over SSH and pipes one read-only script to the target&apos;s python3: it reads, never
              writes or installs anything, and nothing of DeployLens keeps running there.
            </p>
            <Link
              href="/hosts/new?transport=ssh"
              className="mt-3 inline-block rounded border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
            >
              Add an SSH host
            </Link>
          </div>
        </div>
        <div>
          <p className="mb-2 text-sm text-slate-600">Or from a terminal in this folder:</p>
          <CodeBlock>
            {"deploylens hosts add vps --ssh deploy@vps.example.com --app-root /opt/myapp --service myapp.service\n" +
              "deploylens collect vps"}
          </CodeBlock>
        </div>
      </div>
    </Card>
  );
}
