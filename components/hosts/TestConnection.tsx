"use client";

import { useState } from "react";
import { apiSend } from "@/components/api-fetch";
import { ConnectionReport } from "./ConnectionReport";
import { testNextStep, type AcceptedPin, type ConnectionTest } from "./connection-test-types";
import { fieldErrorsOf, type FieldErrors } from "./host-form-body";

type Props = {
  hostId?: string;
  /** The form's current settings, or the field errors that keep them from being sent. */
  readBody: () => { body: Record<string, unknown> } | { errors: FieldErrors };
  pins: AcceptedPin[];
  onPins: (pins: AcceptedPin[]) => void;
  onFieldErrors: (errors: FieldErrors) => void;
};

type State =
  { kind: "idle" } | { kind: "busy" } | { kind: "done"; test: ConnectionTest } | { kind: "error"; message: string };

/**
 * "Test connection": connects with the form's settings (saved or not), shows the key the host presented and
 * asks the user to accept it, then what the read-only probe found. An accepted key is pinned when the host is
 * saved, through the same trust flow as the host page; a changed key needs an explicit replace.
 */
export function TestConnection({ hostId, readBody, pins, onPins, onFieldErrors }: Props) {
  const [state, setState] = useState<State>({ kind: "idle" });

  async function run(withPins: AcceptedPin[]) {
    const read = readBody();
    if ("errors" in read) return onFieldErrors(read.errors);
    onFieldErrors({});
    setState({ kind: "busy" });
    const pinned = Object.fromEntries(withPins.map((p) => [p.endpoint, p.fingerprint]));
    try {
      const result = await apiSend<ConnectionTest>("/api/hosts/test-connection", "POST", {
        hostId,
        host: read.body,
        pins: pinned,
      });
      const fields = fieldErrorsOf(result);
      if (fields) onFieldErrors(fields);
      if (!result.data) {
        return setState({ kind: "error", message: result.error?.message ?? `request failed (${result.status})` });
      }
      setState({ kind: "done", test: result.data });
    } catch (cause) {
      setState({ kind: "error", message: `the server could not be reached (${String(cause)})` });
    }
  }

  function accept(pin: AcceptedPin) {
    const next = [...pins.filter((p) => p.endpoint !== pin.endpoint), pin];
    onPins(next);
    void run(next);
  }

  return (
    <div className="space-y-3 rounded border border-slate-200 p-4" aria-live="polite">
      <button
        type="button"
        onClick={() => void run(pins)}
        disabled={state.kind === "busy"}
        className="rounded border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-50"
      >
        {state.kind === "busy" ? "Testing…" : "Test connection"}
      </button>
      {state.kind === "error" && (
        <p role="alert" className="text-sm text-red-800">
          {state.message}
        </p>
      )}
      {state.kind === "done" && state.test.ok && <ConnectionReport probe={state.test.probe} keys={state.test.keys} />}
      {state.kind === "done" && !state.test.ok && <TestFailure test={state.test} onAccept={accept} />}
      {pins.length > 0 && (
        <p className="text-xs text-slate-600">
          Trusted: {pins.map((p) => `${p.endpoint === "jump" ? "jump host" : "host"} key ${p.fingerprint}`).join(", ")}{" "}
          — pinned when you save.
        </p>
      )}
    </div>
  );
}

type Failure = Extract<ConnectionTest, { ok: false }>;

function TestFailure({ test, onAccept }: { test: Failure; onAccept: (pin: AcceptedPin) => void }) {
  const [confirmed, setConfirmed] = useState(false);
  const { endpoint, fingerprint, keyType, pinned } = test.details as {
    endpoint?: string;
    fingerprint?: string;
    keyType?: string;
    pinned?: string;
  };
  const which = endpoint === "jump" ? "jump" : "target";
  const keyAsked = (test.code === "host-key-unknown" || test.code === "host-key-changed") && fingerprint;
  return (
    <div role="alert" className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
      {keyAsked && test.code === "host-key-unknown" ? (
        // A first connection, as Cockpit asks it: the fingerprint once, what to compare it with, one button.
        <>
          <p>
            First connection to this {which === "jump" ? "jump host" : "host"}. {testNextStep(test.code)}
          </p>
          {keyType && (
            <p>
              Its key type: <code data-testid="presented-key-type">{keyType}</code>
            </p>
          )}
          <p className="font-mono [overflow-wrap:anywhere]" data-testid="presented-key">
            {fingerprint}
          </p>
          <button
            type="button"
            onClick={() => onAccept({ endpoint: which, fingerprint })}
            className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white hover:bg-slate-700"
          >
            Trust this key
          </button>
        </>
      ) : (
        <>
          <p>
            <code className="font-semibold">{test.code}</code>: {test.message}
          </p>
          <p>{testNextStep(test.code)}</p>
        </>
      )}
      {keyAsked && test.code === "host-key-changed" && (
        <>
          <p>
            Pinned: <code>{pinned}</code>. Presented now: <code>{fingerprint}</code>.
          </p>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />I checked the
            new key on the host
          </label>
          <button
            type="button"
            disabled={!confirmed}
            onClick={() => onAccept({ endpoint: which, fingerprint, replace: pinned })}
            className="rounded bg-red-800 px-3 py-1.5 font-medium text-white disabled:opacity-50"
          >
            Replace the pinned key
          </button>
        </>
      )}
    </div>
  );
}
