import fs from "node:fs";
import net from "node:net";
import { pollUntil } from "../poll";

/** Pids whose parent is `pid` (from /proc/PID/stat's fourth field). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name in parentheses may hold spaces: the fields after it are space-separated.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // The process ended while we listed /proc.
    }
  }
  return children;
}

const MARKER = "deploylens-log-marker";
/** Ports of the marker connections made so far, whose lines settledLogs() leaves out. */
const markerPorts = new Set<number>();

function withoutMarkers(logs: string): string {
  return logs
    .split(/(?<=\n)/)
    .filter((line) => !line.includes(MARKER) && ![...markerPorts].some((p) => new RegExp(`port ${p}\\b`).test(line)))
    .join("");
}

/**
 * Everything sshd has logged for the connections that already ended, and nothing missing: waits until the
 * listener has no connection process left (their lines are then in the pipe), then makes one connection
 * with a bad banner and waits for sshd's line naming its port. The pipe keeps order, so every earlier
 * line has been read by then. Replaces sleeping "long enough" before asserting that a line is absent.
 * The marker connections' own lines are left out, so counting connections stays exact.
 */
export async function settledLogs(port: number, listenerPid: number, logs: () => string): Promise<string> {
  await pollUntil("sshd's connection processes to exit", () =>
    childrenOf(listenerPid).length === 0 ? true : undefined,
  );
  const socket = net.connect(port, "127.0.0.1");
  try {
    await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
    markerPorts.add(socket.localPort ?? 0);
    const marker = `Connection from 127.0.0.1 port ${socket.localPort}: invalid format`;
    socket.write(`${MARKER}\r\n`);
    await pollUntil(`sshd to log "${marker}"`, () => (logs().includes(marker) ? true : undefined));
  } finally {
    socket.destroy();
  }
  return withoutMarkers(logs());
}
