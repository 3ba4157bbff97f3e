"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { apiSend } from "@/components/api-fetch";
import { RadioChoices } from "@/components/ui/RadioChoices";
import type { HostView } from "@/lib/db/queries/hosts";
import type { AcceptedPin } from "./connection-test-types";
import { FormField, inputClass } from "./FormField";
import { fieldErrorsOf, hostFormBody, type FieldErrors } from "./host-form-body";
import { HostSettingsFields } from "./HostSettingsFields";
import { SshFields } from "./SshFields";
import { TestConnection } from "./TestConnection";

type Props = { host?: HostView; initialTransport?: "local" | "ssh" };

const TRANSPORTS = [
  { value: "local", label: "This machine" },
  { value: "ssh", label: "Over SSH" },
] as const;

const send = (url: string, method: string, body: unknown) =>
  fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

/** Pins the keys accepted in Test connection through the host-key trust route; the first refusal is returned. */
async function pinAccepted(hostId: string, pins: AcceptedPin[]): Promise<string | null> {
  for (const pin of pins) {
    const response = await send(`/api/hosts/${hostId}/host-key`, "POST", pin);
    if (!response.ok) return ((await response.json()) as { error: { message: string } }).error.message;
  }
  return null;
}

/**
 * Add (`/hosts/new`) or edit (`/hosts/[id]/edit`) a host. Every rule lives in lib/hosts/host-input.ts: the
 * server's zod issues come back as data and are shown next to their fields.
 */
export function HostForm({ host, initialTransport = "local" }: Props) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [transport, setTransport] = useState<string>(host?.transport ?? initialTransport);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pins, setPins] = useState<AcceptedPin[]>([]);
  const [busy, setBusy] = useState(false);
  const readBody = () => hostFormBody(new FormData(formRef.current!));

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const read = readBody();
    if ("errors" in read) return setErrors(read.errors);
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      const url = host ? `/api/hosts/${host.id}` : "/api/hosts";
      const result = await apiSend<{ id: string }>(url, host ? "PATCH" : "POST", read.body);
      if (!result.data) {
        setErrors(fieldErrorsOf(result) ?? {});
        setFormError(result.error?.message ?? `saving failed (${result.status})`);
        return setBusy(false);
      }
      const saved = result.data;
      const refused = await pinAccepted(saved.id, pins);
      if (refused) {
        setFormError(`The host was saved, but its key was not pinned: ${refused}`);
        return setBusy(false);
      }
      router.push(`/hosts/${saved.id}`);
      router.refresh();
    } catch (cause) {
      setFormError(`the server could not be reached (${String(cause)})`);
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="max-w-xl space-y-4">
      <FormField label="Name" hint={host ? "The name the CLI uses; it cannot change." : undefined} error={errors.name}>
        {(a) => (
          <input
            {...a}
            name="name"
            required
            readOnly={Boolean(host)}
            defaultValue={host?.name}
            className={inputClass}
            placeholder="vps"
          />
        )}
      </FormField>
      <fieldset className="flex gap-6 text-sm" disabled={Boolean(host)}>
        <legend className="sr-only">Where the service runs</legend>
        <RadioChoices name="transport" choices={TRANSPORTS} value={transport} onChange={setTransport} gap="gap-2" />
      </fieldset>
      {host && <input type="hidden" name="transport" value={transport} />}
      {transport === "ssh" && <SshFields host={host} errors={errors} />}
      <HostSettingsFields host={host} errors={errors} />
      <TestConnection hostId={host?.id} readBody={readBody} pins={pins} onPins={setPins} onFieldErrors={setErrors} />
      {formError && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800">
          {formError}
        </p>
      )}
      <button
        type="submit"
        disabled={busy}
        className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50"
      >
        {host ? "Save changes" : "Save host"}
      </button>
    </form>
  );
}
