import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import { onProcessExit } from "./sshd/exit-cleanup";
import { run } from "./sshd/run";

export type ThrowawayAccount = { user: string; uid: number; gid: number; remove(): Promise<void> };

let counter = 0;

/**
 * A system account of a test's own (root only: useradd), made with `useraddArgs`. Names carry our pid, so
 * accounts left behind by a killed run are removed by the next one; one still here when this process exits
 * (its removal refused while a process of it was still exiting) is removed then.
 */
export async function createThrowawayAccount(prefix: string, useraddArgs: string[]): Promise<ThrowawayAccount> {
  await removeStaleAccounts(prefix);
  const user = `${prefix}${process.pid}-${counter++}`;
  await run("useradd", [...useraddArgs, user]);
  const unregister = onProcessExit(() => execFileSync("userdel", [user], { stdio: "ignore" }));
  const id = async (flag: string) => Number((await run("id", [flag, user])).trim());
  return {
    user,
    uid: await id("-u"),
    gid: await id("-g"),
    remove: async () => {
      await run("userdel", [user]);
      unregister();
    },
  };
}

async function removeStaleAccounts(prefix: string): Promise<void> {
  const passwd = await fs.readFile("/etc/passwd", "utf8");
  for (const match of passwd.matchAll(new RegExp(`^(${prefix}(\\d+)-\\d+):`, "gm"))) {
    const [, name, pid] = match;
    if (name && pid && !isAlive(Number(pid))) await run("userdel", [name]).catch(() => undefined);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
