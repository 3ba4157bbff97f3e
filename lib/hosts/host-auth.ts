import "server-only";
import fs from "node:fs/promises";
import type { HostRow } from "@/lib/db/queries/hosts";
import type { JumpHop } from "@/lib/db/host-columns";
import { SetupError } from "@/lib/errors";
import { openCredential } from "@/lib/secrets/credential";
import type { SshAuth } from "@/lib/transport/ssh";

/** Reads a key file named in a host's settings; a missing or unreadable file is the user's to fix. */
async function readIdentityFile(file: string, host: HostRow, hop: number | null): Promise<Buffer> {
  const which =
    hop === null
      ? `the identity file of ${host.name}`
      : `the jump host${hop > 1 ? ` ${hop}` : ""} identity file of ${host.name}`;
  try {
    return await fs.readFile(/*turbopackIgnore: true*/ file);
  } catch (error) {
    const errno = (error as NodeJS.ErrnoException).code;
    if (errno === "ENOENT") throw new SetupError("identity-file-missing", `${which}, ${file}, does not exist.`);
    throw new SetupError(
      "identity-file-unreadable",
      `${which}, ${file}, cannot be read by the DeployLens process (${errno ?? "error"}); check its owner and mode.`,
    );
  }
}

/** How to log in to the target: its own method, with stored secrets decrypted only here. */
export async function targetAuth(host: HostRow): Promise<SshAuth> {
  switch (host.authMethod) {
    case "agent":
      return { type: "agent" };
    case "key-file":
      if (!host.identityFile) throw new SetupError("no-identity-file", `host ${host.name} names no identity file`);
      return { type: "key", privateKey: await readIdentityFile(host.identityFile, host, null) };
    case "stored-key":
    case "password": {
      if (!host.secretCipher) {
        const message = `host ${host.name} has no stored credential; add the host again with one.`;
        throw new SetupError("no-stored-credential", message);
      }
      const credential = openCredential(host.secretCipher);
      const { privateKey, passphrase } = credential;
      if (privateKey) return { type: "key", privateKey, passphrase };
      return { type: "password", password: credential.password ?? "" };
    }
    default:
      const message = `host ${host.name} has an unknown auth method ${String(host.authMethod)}`;
      throw new SetupError("unknown-auth-method", message);
  }
}

/**
 * How to log in to a jump host: its own credential, the ssh-agent unless a key file was named for it. The
 * target's password or key is never offered to a bastion. `hop` counts from 1, the one dialled directly.
 */
export async function jumpAuth(host: HostRow, jump: JumpHop, hop: number): Promise<SshAuth> {
  if (jump.identityFile) return { type: "key", privateKey: await readIdentityFile(jump.identityFile, host, hop) };
  return { type: "agent" };
}
