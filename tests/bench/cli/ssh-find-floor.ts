import fs from "node:fs";
import path from "node:path";
import type { Sshd } from "../../support/sshd";
import { floorCommand } from "../floor";
import { measuredProcess, type MeasuredRun } from "./measured-process";

/** Where the OpenSSH client's known_hosts for the bench sshd is written. */
function knownHosts(sshd: Sshd): string {
  const file = path.join(sshd.dir, "bench_known_hosts");
  const key = fs.readFileSync(`${sshd.hostKeyPath}.pub`, "utf8").trim().split(/\s+/).slice(0, 2).join(" ");
  fs.writeFileSync(file, `[${sshd.host}]:${sshd.port} ${key}\n`);
  return file;
}

/** argv of the CLI row's floor: the OpenSSH client runs `find` over the same sshd, host key checked. */
export function sshFindArgs(sshd: Sshd, root: string): string[] {
  return [
    ...["ssh", "-F", "/dev/null", "-i", sshd.privateKeyPath, "-p", String(sshd.port)],
    ...["-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", `UserKnownHostsFile=${knownHosts(sshd)}`],
    ...["-o", "StrictHostKeyChecking=yes", `${sshd.user}@${sshd.host}`, floorCommand(root)],
  ];
}

/** One `ssh host find ROOT -printf …`, its output counted: what the CLI's collect is held against. */
export async function runSshFind(args: string[]): Promise<MeasuredRun> {
  const run = await measuredProcess(args);
  if (run.code !== 0 || run.stdoutBytes === 0) throw new Error(`ssh find exited with ${run.code}: ${run.stderr}`);
  return run;
}

/** The command line for RESULTS.md, this run's paths and port replaced by placeholders. */
export const sshFindCommand = () =>
  `ssh -i KEY -p PORT -o BatchMode=yes -o StrictHostKeyChecking=yes USER@127.0.0.1 "${floorCommand("ROOT")}"`;
