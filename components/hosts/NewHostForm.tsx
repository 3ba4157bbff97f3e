"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { hostFormBody } from "./host-form-body";

const input = "mt-1 w-full rounded border border-slate-300 px-2 py-1.5 text-sm";
const label = "block text-sm font-medium text-slate-700";

export function NewHostForm({ initialTransport = "local" }: { initialTransport?: "local" | "ssh" }) {
  const router = useRouter();
  const [transport, setTransport] = useState<string>(initialTransport);
  const [authMethod, setAuthMethod] = useState("agent");
  const [error, setError] = useState<string | null>(null);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    try {
      const response = await fetch("/api/hosts", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(hostFormBody(new FormData(event.currentTarget))),
      });
      const body = (await response.json()) as { data?: { id: string }; error?: { message: string } };
      if (!response.ok || !body.data) return setError(body.error?.message ?? `request failed (${response.status})`);
      router.push(`/hosts/${body.data.id}`);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    }
  }

  return (
    <form onSubmit={submit} className="max-w-xl space-y-4">
      <label className={label}>
        Name
        <input name="name" required className={input} placeholder="vps" />
      </label>
      <fieldset className="flex gap-6 text-sm">
        {["local", "ssh"].map((value) => (
          <label key={value} className="flex items-center gap-2">
            <input
              type="radio"
              name="transport"
              value={value}
              checked={transport === value}
              onChange={() => setTransport(value)}
            />
            {value === "local" ? "This machine" : "Over SSH"}
          </label>
        ))}
      </fieldset>
      {transport === "ssh" && (
        <div className="space-y-4 rounded border border-slate-200 p-4">
          <label className={label}>
            USER@HOST[:PORT]
            <input name="ssh" required className={input} placeholder="deploy@vps.example.com" />
          </label>
          <label className={label}>
            Authentication
            <select
              name="authMethod"
              value={authMethod}
              onChange={(e) => setAuthMethod(e.target.value)}
              className={input}
            >
              <option value="agent">ssh-agent (SSH_AUTH_SOCK of the dashboard)</option>
              <option value="key-file">Private key file on the dashboard machine</option>
              <option value="stored-key">Private key stored here (encrypted)</option>
              <option value="password">Password (stored encrypted)</option>
            </select>
          </label>
          {authMethod === "key-file" && (
            <label className={label}>
              Key file
              <input name="identityFile" required className={input} placeholder="/home/me/.ssh/id_ed25519" />
            </label>
          )}
          {authMethod === "password" && (
            <label className={label}>
              Password
              <input name="password" type="password" required autoComplete="off" className={input} />
            </label>
          )}
          {authMethod === "stored-key" && (
            <>
              <label className={label}>
                Private key
                <textarea name="privateKey" required rows={4} className={`${input} font-mono`} />
              </label>
              <label className={label}>
                Passphrase (optional)
                <input name="passphrase" type="password" autoComplete="off" className={input} />
              </label>
            </>
          )}
          <label className={label}>
            Jump host (optional)
            <input name="jump" className={input} placeholder="me@bastion.example.com" />
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="acceptHostKey" /> Trust the host key presented at the first connection
          </label>
        </div>
      )}
      <label className={label}>
        App roots (one absolute path per line)
        <textarea name="appRoots" required rows={2} className={`${input} font-mono`} placeholder="/opt/myapp" />
      </label>
      <label className={label}>
        systemd unit (optional)
        <input name="serviceUnit" className={input} placeholder="myapp.service" />
      </label>
      <label className={label}>
        Unit file path, when systemd cannot be asked (optional)
        <input name="unitFile" className={input} />
      </label>
      <label className={label}>
        Service interpreter (optional; default: from ExecStart)
        <input name="python" className={input} placeholder="/opt/myapp/venv/bin/python" />
      </label>
      <label className={label}>
        Entry points (optional; MODULE[:ATTR], one per line, added to those from ExecStart)
        <textarea name="entryPoints" rows={2} className={`${input} font-mono`} placeholder="wsgi:app" />
      </label>
      {error && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <button
        type="submit"
        className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700"
      >
        Save host
      </button>
    </form>
  );
}
