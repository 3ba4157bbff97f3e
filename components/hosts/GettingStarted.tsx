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
        <Link
          href="/hosts/new"
          className="inline-block rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700"
        >
          Add a host
        </Link>
        <div>
          <p className="mb-2 text-sm text-slate-600">Or from a terminal in this folder:</p>
          <CodeBlock>
            {"npx deploylens hosts add vps --ssh deploy@vps.example.com --app-root /opt/myapp --service myapp.service\n" +
              "npx deploylens collect vps"}
          </CodeBlock>
        </div>
      </div>
    </Card>
  );
}
