import "server-only";
import fs from "node:fs/promises";
import type { Host } from "@/lib/db/generated/client";
import { pinHostKey } from "@/lib/db/queries/hosts";
import { openCredential } from "@/lib/secrets/credential";
import { ValidationError } from "@/lib/errors";
import { createLocalTransport } from "./local";
import { createSshTransport, type SshAuth } from "./ssh";
import type { Transport } from "./types";

async function authFor(host: Host): Promise<SshAuth> {
  switch (host.authMethod) {
    case "agent":
      return { type: "agent" };
    case "key-file":
      return { type: "key", privateKey: await fs.readFile(/*turbopackIgnore: true*/ host.identityFile ?? "") };
    case "stored-key":
    case "password": {
      if (!host.secretCipher) throw new ValidationError(`host ${host.name} has no stored credential`);
      const credential = openCredential(host.secretCipher);
      if (credential.privateKey) return { type: "key", privateKey: credential.privateKey, passphrase: credential.passphrase };
      return { type: "password", password: credential.password ?? "" };
    }
    default:
      throw new ValidationError(`host ${host.name} has an unknown auth method ${String(host.authMethod)}`);
  }
}

/** The transport a saved host names. Host keys seen on an explicitly accepted first connection are pinned. */
export async function openTransport(host: Host): Promise<Transport> {
  if (host.transport === "local") return createLocalTransport();
  const auth = await authFor(host);
  const accepted: { endpoint: "target" | "jump"; fingerprint: string }[] = [];
  const endpoint = (user: string | null, address: string | null, port: number | null, pinned: string | null) => ({
    host: address ?? "",
    port: port ?? 22,
    username: user ?? "",
    auth,
    pinnedHostKey: pinned,
    acceptNewHostKey: host.acceptNextHostKey,
  });
  const transport = await createSshTransport({
    ...endpoint(host.sshUser, host.sshHost, host.sshPort, host.hostKeySha256),
    jump: host.jumpHost ? endpoint(host.jumpUser, host.jumpHost, host.jumpPort, host.jumpKeySha256) : undefined,
    onHostKey: (info) => {
      if (info.accepted) accepted.push(info);
    },
  });
  for (const { endpoint: which, fingerprint } of accepted) await pinHostKey(host.id, which, fingerprint);
  return transport;
}
