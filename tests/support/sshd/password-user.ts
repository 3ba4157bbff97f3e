import { randomBytes } from "node:crypto";
import { createThrowawayAccount } from "../throwaway-account";
import { run } from "./run";

export type PasswordUser = { user: string; password: string; remove(): Promise<void> };

/**
 * A throwaway system account with a known password, the only honest way to test password login:
 * with UsePAM no, sshd checks the password against /etc/shadow, which only root can change.
 */
export async function createPasswordUser(): Promise<PasswordUser> {
  if (process.getuid?.() !== 0) {
    throw new Error("password login needs a throwaway account with a known password; only root can create one");
  }
  const account = await createThrowawayAccount("dlpw-", [
    "--no-create-home",
    "--home-dir",
    "/",
    "--shell",
    "/bin/sh",
    "--comment",
    "DeployLens test",
  ]);
  const password = randomBytes(12).toString("base64url");
  await run("chpasswd", [], { input: `${account.user}:${password}\n` });
  return { user: account.user, password, remove: account.remove };
}
