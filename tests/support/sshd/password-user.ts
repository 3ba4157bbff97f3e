import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import { onProcessExit } from "./exit-cleanup";
import { run } from "./run";

export type PasswordUser = { user: string; password: string; remove(): Promise<void> };

const PREFIX = "dlpw-";
let counter = 0;

/**
 * A throwaway system account with a known password, the only honest way to test password login:
 * with UsePAM no, sshd checks the password against /etc/shadow, which only root can change.
 * Names carry our pid, so accounts left behind by a killed run are removed by the next one.
 */
export async function createPasswordUser(): Promise<PasswordUser> {
  if (process.getuid?.() !== 0) {
    throw new Error("password login needs a throwaway account with a known password; only root can create one");
  }
  await removeStaleUsers();
  const user = `${PREFIX}${process.pid}-${counter++}`;
  const password = randomBytes(12).toString("base64url");
  await run("useradd", [
    "--no-create-home",
    "--home-dir",
    "/",
    "--shell",
    "/bin/sh",
    "--comment",
    "DeployLens test",
    user,
  ]);
  const unregister = onProcessExit(() => execFileSync("userdel", [user], { stdio: "ignore" }));
  await run("chpasswd", [], { input: `${user}:${password}\n` });
  return {
    user,
    password,
    remove: async () => {
      unregister();
      await run("userdel", [user]);
    },
  };
}

async function removeStaleUsers(): Promise<void> {
  const passwd = await fs.readFile("/etc/passwd", "utf8");
  for (const match of passwd.matchAll(/^(dlpw-(\d+)-\d+):/gm)) {
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
