// ssh2 is CommonJS: plain Node ESM (the CLI) only sees its default export.
import ssh2, { type ConnectConfig } from "ssh2";

const { utils } = ssh2;
import { isEncryptedKey } from "./key-encryption";
import type { EndpointRole, SshAuth } from "./ssh-options";
import { TransportError } from "./types";

/**
 * The ssh2 connect settings for one auth method. Only that method is offered (no silent fallback to
 * another), and key problems a user can fix are reported before any network traffic.
 */
export function sshAuthConfig(auth: SshAuth, role: EndpointRole): ConnectConfig {
  switch (auth.type) {
    case "agent": {
      const agent = auth.socket ?? process.env.SSH_AUTH_SOCK;
      if (!agent) {
        throw new TransportError(
          "auth-failed",
          "ssh-agent authentication was chosen but no agent is reachable: SSH_AUTH_SOCK is not set " +
            "for the DeployLens process. Start it with an agent (ssh-agent, ssh-add) or pick a key.",
          { endpoint: role },
        );
      }
      return { agent, authHandler: ["agent"] };
    }
    case "key":
      checkPrivateKey(auth.privateKey, auth.passphrase, role);
      return { privateKey: auth.privateKey, passphrase: auth.passphrase, authHandler: ["publickey"] };
    case "password":
      return { password: auth.password, authHandler: ["password"] };
  }
}

function checkPrivateKey(privateKey: string | Buffer, passphrase: string | undefined, role: EndpointRole): void {
  if (!(utils.parseKey(privateKey, passphrase) instanceof Error)) return;
  const encrypted = isEncryptedKey(privateKey);
  if (encrypted && !passphrase) {
    const message = "Cannot authenticate: the private key is encrypted and no passphrase was given.";
    throw new TransportError("key-passphrase-missing", message, { endpoint: role });
  }
  if (encrypted) {
    const message = "Cannot authenticate: the private key could not be decrypted with the given passphrase.";
    throw new TransportError("key-passphrase-wrong", message, { endpoint: role });
  }
  const message = "Cannot authenticate: the private key is not in a format ssh2 reads (OpenSSH or PEM).";
  throw new TransportError("key-unreadable", message, { endpoint: role });
}
