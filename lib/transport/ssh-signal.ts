import type { ClientChannel } from "ssh2";

type ChannelInternals = {
  outgoing?: { id?: number; state?: string };
  _client?: { _protocol?: { signal?: (id: number, name: string) => void } };
};

/**
 * Sends an SSH "signal" request (RFC 4254 §6.9) to the command on `channel`. ssh2's own
 * channel.signal() only works while our side of stdin is open, but every exec closes stdin at once,
 * so this goes to the protocol object directly. OpenSSH's sshd delivers it to the session's process,
 * except for root logins ("session signalling requires privilege separation"): there, closing the
 * channel is what stops the command, at its next write to the closed pipe.
 */
export function sshSignal(channel: ClientChannel, name: "TERM" | "KILL"): boolean {
  const internals = channel as unknown as ChannelInternals;
  const id = internals.outgoing?.id;
  const send = internals._client?._protocol?.signal;
  const open = internals.outgoing?.state === "open" || internals.outgoing?.state === "eof";
  if (id === undefined || typeof send !== "function" || !open) return false;
  send.call(internals._client?._protocol, id, name);
  return true;
}
