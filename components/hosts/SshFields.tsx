"use client";

import { useState } from "react";
import type { HostView } from "@/lib/db/queries/hosts";
import type { FieldErrors } from "./host-form-body";
import { FormField, inputClass } from "./FormField";

const AUTH_METHODS = [
  ["agent", "ssh-agent (SSH_AUTH_SOCK of the dashboard)"],
  ["key-file", "Private key file on the dashboard machine"],
  ["stored-key", "Paste a private key (stored encrypted)"],
  ["password", "Password (stored encrypted)"],
] as const;

/** "user@host:port" as the view shows it; the form takes the same text back. */
const endpointText = (text: string | null | undefined) => (text ? text.replace(/:22$/, "") : "");

type Props = { host?: HostView; errors: FieldErrors };

/**
 * The SSH half of the host form: target, login, jump host with its own login. Secrets are write-only: a
 * stored one shows as "set", and the field replaces it only when something is typed.
 */
export function SshFields({ host, errors }: Props) {
  const [authMethod, setAuthMethod] = useState(host?.authMethod ?? "agent");
  const [jumpMethod, setJumpMethod] = useState(host?.jumpAuthMethod ?? "agent");
  const keep = host?.hasStoredSecret && host.authMethod === authMethod;
  const secretHint = keep ? "Set. Leave blank to keep it; type to replace it." : undefined;
  return (
    <fieldset className="space-y-4 rounded border border-slate-200 p-4">
      <legend className="px-1 text-sm font-medium">SSH connection</legend>
      <FormField label="USER@HOST[:PORT]" error={errors.ssh}>
        {(a) => (
          <input
            {...a}
            name="ssh"
            required
            defaultValue={endpointText(host?.target)}
            className={inputClass}
            placeholder="deploy@vps.example.com"
          />
        )}
      </FormField>
      <FormField label="Authentication" error={errors.authMethod}>
        {(a) => (
          <select
            {...a}
            name="authMethod"
            value={authMethod}
            onChange={(e) => setAuthMethod(e.target.value)}
            className={inputClass}
          >
            {AUTH_METHODS.map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {authMethod === "key-file" && (
        <FormField label="Key file" error={errors.identityFile}>
          {(a) => (
            <input
              {...a}
              name="identityFile"
              required
              defaultValue={host?.identityFile ?? ""}
              className={inputClass}
              placeholder="/home/me/.ssh/id_ed25519"
            />
          )}
        </FormField>
      )}
      {authMethod === "password" && (
        <FormField label={keep ? "Password (set)" : "Password"} hint={secretHint} error={errors.password}>
          {(a) => (
            <input {...a} name="password" type="password" required={!keep} autoComplete="off" className={inputClass} />
          )}
        </FormField>
      )}
      {authMethod === "stored-key" && (
        <>
          <FormField label={keep ? "Private key (set)" : "Private key"} hint={secretHint} error={errors.privateKey}>
            {(a) => (
              <textarea {...a} name="privateKey" required={!keep} rows={4} className={`${inputClass} font-mono`} />
            )}
          </FormField>
          <FormField
            label="Passphrase (optional)"
            hint={keep ? "Kept with the stored key unless you replace the key." : undefined}
            error={errors.passphrase}
          >
            {(a) => <input {...a} name="passphrase" type="password" autoComplete="off" className={inputClass} />}
          </FormField>
        </>
      )}
      <FormField
        label="Jump host (optional)"
        hint="USER@HOST[:PORT] of a bastion; it gets its own login below, never the target's."
        error={errors.jump}
      >
        {(a) => (
          <input
            {...a}
            name="jump"
            defaultValue={endpointText(host?.jump)}
            className={inputClass}
            placeholder="me@bastion.example.com"
          />
        )}
      </FormField>
      <FormField label="Jump host authentication" error={errors.jumpAuthMethod}>
        {(a) => (
          <select
            {...a}
            name="jumpAuthMethod"
            value={jumpMethod}
            onChange={(e) => setJumpMethod(e.target.value)}
            className={inputClass}
          >
            <option value="agent">ssh-agent</option>
            <option value="key-file">Private key file on the dashboard machine</option>
          </select>
        )}
      </FormField>
      {jumpMethod === "key-file" && (
        <FormField label="Jump host key file" error={errors.jumpIdentityFile}>
          {(a) => (
            <input {...a} name="jumpIdentityFile" defaultValue={host?.jumpIdentityFile ?? ""} className={inputClass} />
          )}
        </FormField>
      )}
    </fieldset>
  );
}
