"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

type Props = {
  hostId: string;
  fingerprint: string;
  endpoint: "target" | "jump";
  /** Which jump host of a ProxyJump chain (1 = the one dialled directly); absent for a single jump host. */
  hop?: number;
  replace?: string;
};

/**
 * Shown after a host-key-unknown or host-key-changed failure, from the fingerprint the server recorded:
 * the user compares it and pins it explicitly; a changed key names the pin it replaces.
 */
export function TrustHostKey({ hostId, fingerprint, endpoint, hop, replace }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function trust() {
    const response = await fetch(`/api/hosts/${hostId}/host-key`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ endpoint, hop, fingerprint, replace }),
    });
    if (!response.ok) return setError(((await response.json()) as { error: { message: string } }).error.message);
    router.refresh();
  }
  return (
    <div className="rounded border border-amber-300 bg-amber-50 p-4 text-sm">
      <p>
        The {endpoint === "jump" ? `jump host${hop ? ` ${hop}` : ""}` : "host"} presented{" "}
        {replace ? (
          <>
            a key that differs from the pinned <code>{replace}</code>
          </>
        ) : (
          "a key DeployLens has not seen"
        )}
        . Compare it with <code>ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub</code> on that machine before trusting
        it:
      </p>
      <p className="my-2 font-mono">{fingerprint}</p>
      <button onClick={trust} className="rounded bg-amber-700 px-3 py-1.5 font-medium text-white hover:bg-amber-800">
        {replace ? "Replace the pinned key" : "Trust this key"}
      </button>
      {error && (
        <p role="alert" className="mt-2 text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
