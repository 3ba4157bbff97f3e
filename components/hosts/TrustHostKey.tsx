"use client";

import { useState } from "react";

type Props = {
  hostId: string;
  fingerprint: string;
  /** The key's type as the server presented it ("ssh-ed25519"); absent in failures recorded before it was. */
  keyType?: string;
  endpoint: "target" | "jump";
  /** Which jump host of a ProxyJump chain (1 = the one dialled directly); absent for a single jump host. */
  hop?: number;
  replace?: string;
};

/**
 * Shown after a host-key-unknown or host-key-changed failure, from the fingerprint the server recorded: the
 * fingerprint once, one button, and afterwards exactly what was pinned (as Cockpit does).
 */
/** The file on the server whose fingerprint `ssh-keygen -lf` prints for a key of this type. */
function serverKeyFile(keyType: string | undefined): string {
  const kind = keyType?.includes("ecdsa") ? "ecdsa" : keyType?.includes("rsa") ? "rsa" : "ed25519";
  return `/etc/ssh/ssh_host_${kind}_key.pub`;
}

export function TrustHostKey({ hostId, fingerprint, keyType, endpoint, hop, replace }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [pinned, setPinned] = useState(false);
  const which = endpoint === "jump" ? `jump host${hop ? ` ${hop}` : ""}` : "host";
  async function trust() {
    const response = await fetch(`/api/hosts/${hostId}/host-key`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ endpoint, hop, fingerprint, replace }),
    });
    if (!response.ok) return setError(((await response.json()) as { error: { message: string } }).error.message);
    setPinned(true);
  }
  if (pinned)
    return (
      <div role="status" className="rounded border border-emerald-300 bg-emerald-50 p-4 text-sm text-emerald-900">
        Pinned the {which}&apos;s key <code className="[overflow-wrap:anywhere]">{fingerprint}</code>
        {replace ? ` in place of ${replace}` : ""}. Collect again to connect with it; a different key will be refused.
      </div>
    );
  return (
    <div className="space-y-2 rounded border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <p>
        {replace
          ? `The ${which} presented a key that differs from the pinned ${replace}.`
          : `First connection to this ${which}: DeployLens has not seen its key.`}{" "}
        Compare{" "}
        {keyType ? (
          <>
            its <code data-testid="key-type">{keyType}</code> key&apos;s
          </>
        ) : (
          "the"
        )}{" "}
        fingerprint with <code>ssh-keygen -lf {serverKeyFile(keyType)}</code> on that machine:
      </p>
      <p className="font-mono [overflow-wrap:anywhere]">{fingerprint}</p>
      <button onClick={trust} className="rounded bg-amber-800 px-3 py-1.5 font-medium text-white hover:bg-amber-900">
        Trust this key
      </button>
      {error && (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
