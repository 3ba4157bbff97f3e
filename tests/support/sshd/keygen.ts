import fs from "node:fs/promises";
import path from "node:path";
import { run } from "./run";

export type KeyPair = { privateKeyPath: string; privateKey: string; publicKey: string; fingerprint: string };

/** A fresh ed25519 key pair made by ssh-keygen itself (`-N ""` = unencrypted). */
export async function keygen(dir: string, name: string, passphrase = ""): Promise<KeyPair> {
  const privateKeyPath = path.join(dir, name);
  await run("ssh-keygen", ["-q", "-t", "ed25519", "-N", passphrase, "-C", name, "-f", privateKeyPath]);
  return {
    privateKeyPath,
    privateKey: await fs.readFile(privateKeyPath, "utf8"),
    publicKey: await fs.readFile(`${privateKeyPath}.pub`, "utf8"),
    fingerprint: await fingerprintFile(`${privateKeyPath}.pub`),
  };
}

/** Ground truth for fingerprints: what `ssh-keygen -lf` prints ("256 SHA256:… comment (ED25519)"). */
export async function fingerprintFile(publicKeyPath: string): Promise<string> {
  const line = await run("ssh-keygen", ["-l", "-E", "sha256", "-f", publicKeyPath]);
  const fingerprint = line.split(/\s+/)[1];
  if (!fingerprint?.startsWith("SHA256:")) throw new Error(`unexpected ssh-keygen -l output: ${line}`);
  return fingerprint;
}
