// ssh2 is CommonJS: plain Node ESM (the CLI) only sees its default export.
import ssh2, { type ConnectConfig } from "ssh2";

const { utils } = ssh2;
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
  const parsed = utils.parseKey(privateKey, passphrase);
  if (!(parsed instanceof Error)) return;
  // ssh2's own messages: "Encrypted … detected, but no passphrase given", "… bad passphrase?".
  const reason = /no passphrase given/i.test(parsed.message)
    ? "the private key is encrypted and no passphrase was given"
    : /passphrase/i.test(parsed.message)
      ? "the private key could not be decrypted with the given passphrase"
      : `the private key could not be read (${parsed.message})`;
  throw new TransportError("auth-failed", `Cannot authenticate: ${reason}.`, { endpoint: role });
}
