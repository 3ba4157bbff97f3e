"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** Shown after a host-key-unknown failure: the user compares the fingerprint and pins it explicitly. */
export function TrustHostKey({ hostId, fingerprint, endpoint }: { hostId: string; fingerprint: string; endpoint: "target" | "jump" }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function trust() {
    const response = await fetch(`/api/hosts/${hostId}/host-key`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ endpoint, fingerprint }),
    });
    if (!response.ok) return setError(((await response.json()) as { error: { message: string } }).error.message);
    router.refresh();
  }
  return (
    <div className="rounded border border-amber-300 bg-amber-50 p-4 text-sm">
      <p>
        The {endpoint === "jump" ? "jump host" : "host"} presented a key DeployLens has not seen. Compare it with{" "}
        <code>ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub</code> on that machine before trusting it:
      </p>
      <p className="my-2 font-mono">{fingerprint}</p>
      <button onClick={trust} className="rounded bg-amber-700 px-3 py-1.5 font-medium text-white hover:bg-amber-800">Trust this key</button>
      {error && <p role="alert" className="mt-2 text-red-800">{error}</p>}
    </div>
  );
}
