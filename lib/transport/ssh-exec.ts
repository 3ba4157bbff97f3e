import { PassThrough, pipeline } from "node:stream";
import type { Client, ClientChannel } from "ssh2";
import { sshSignal } from "./ssh-signal";
import { captureStderr } from "./ssh-stderr-capture";
import { TransportError, type ExecHandle } from "./types";

type ExecOptions = { stdin?: string | Buffer; signal?: AbortSignal };

/** Runs one command on an authenticated client; see Transport.exec. */
export async function sshExec(client: Client, command: string, options: ExecOptions): Promise<ExecHandle> {
  options.signal?.throwIfAborted();
  const handle = await new Promise<ExecHandle>((resolve, reject) => {
    const fail = (err: Error) =>
      reject(new TransportError("exec-failed", `Cannot start the command over SSH: ${err.message}`));
    try {
      // The handle is built inside this callback, not after an await: ssh2 can deliver a short
      // command's whole life (output, exit-status, close) in the same tick as the exec reply.
      client.exec(command, (err, channel) => (err ? fail(err) : resolve(execHandle(channel, options))));
    } catch (err) {
      fail(err instanceof Error ? err : new Error(String(err)));
    }
  });
  // Aborted while the channel was opening: execHandle has already closed it.
  options.signal?.throwIfAborted();
  return handle;
}

function execHandle(channel: ClientChannel, { stdin, signal }: ExecOptions): ExecHandle {
  // A PassThrough (not the channel itself) so callers cannot write to the command; pipeline keeps
  // backpressure end to end: an unread stdout stops ssh2 from re-opening the SSH window.
  const stdout = new PassThrough();
  pipeline(channel, stdout, () => {});
  const stderr = captureStderr(channel.stderr);
  let exit: { exitCode: number | null; signal: string | null } | undefined;
  channel.on("exit", (code: number | null, signalName?: string) => {
    exit = { exitCode: code, signal: signalName ?? null };
  });
  const done = new Promise<{ exitCode: number | null; signal: string | null; stderr: string }>((resolve, reject) => {
    const onAbort = () => {
      // TERM stops even a silent command; closing alone only stops one that writes (SIGPIPE).
      sshSignal(channel, "TERM");
      channel.close();
      stdout.destroy(signal?.reason instanceof Error ? signal.reason : undefined);
      reject(signal?.reason);
    };
    if (signal?.aborted) onAbort();
    else signal?.addEventListener("abort", onAbort, { once: true });
    channel.on("close", () => {
      signal?.removeEventListener("abort", onAbort);
      if (exit) resolve({ ...exit, stderr: stderr() });
      // No exit status: the server's session process or the connection itself went away mid-command
      // (sshd killed or restarted, the host rebooted, the network dropped).
      else
        reject(
          new TransportError(
            "connection-lost",
            "The SSH connection was lost before the command finished: the SSH server or the network closed it. " +
              "Collect again once the host is reachable.",
          ),
        );
    });
  });
  // Nobody may be awaiting `done` yet when it rejects; the rejection still reaches whoever does.
  done.catch(() => {});
  channel.end(stdin ?? undefined);
  return { stdout, done };
}
