import "server-only";
import type { Host } from "@/lib/db/generated/client";
import { findHostIdByName, insertHost } from "@/lib/db/queries/hosts";
import { encodeJumpChain } from "@/lib/db/jump-chain";
import { ConflictError, ValidationError } from "@/lib/errors";
import { sealCredential } from "@/lib/secrets/credential";
import { hostInputSchema, type SshAuthInput } from "./host-input";
import { resolveSshText } from "./resolve-ssh-text";

function secretFor(auth: SshAuthInput): string | null {
  if (auth.method === "password") return sealCredential({ password: auth.password });
  if (auth.method === "stored-key") return sealCredential({ privateKey: auth.privateKey, passphrase: auth.passphrase });
  return null;
}

/**
 * Validates and saves a host; credentials are encrypted before they reach the database. An `ssh` given as
 * text (USER@HOST[:PORT] or an ssh_config alias) is resolved first, once, like `hosts add --ssh`.
 */
export async function createHost(raw: unknown): Promise<Host> {
  const input = hostInputSchema.parse(resolveSshText(raw));
  if (await findHostIdByName(input.name)) {
    throw new ConflictError(`a host named ${JSON.stringify(input.name)} already exists`);
  }
  const common = {
    name: input.name,
    transport: input.transport,
    appRoots: JSON.stringify(input.appRoots),
    serviceUnit: input.serviceUnit,
    unitFile: input.unitFile,
    python: input.python,
    entryPoints: input.entryPoints.length ? JSON.stringify(input.entryPoints) : null,
    measureStartup: input.measureStartup,
    maxFiles: input.maxFiles,
    timeoutSeconds: input.timeoutSeconds,
  };
  if (input.transport === "local") return insertHost(common);
  const jumpKeyFile = input.jump && input.jumpAuth.method === "key-file" ? input.jumpAuth.identityFile : null;
  if (input.jumpChain.length && !input.jump) throw new ValidationError("jumpChain needs jump, the first hop");
  const further = input.jumpChain.map(({ user, host, port, auth }) => ({
    user,
    host,
    port,
    identityFile: auth.method === "key-file" ? auth.identityFile : null,
    keySha256: null,
  }));
  return insertHost({
    ...common,
    sshUser: input.ssh.user,
    sshHost: input.ssh.host,
    sshPort: input.ssh.port,
    authMethod: input.auth.method,
    identityFile: input.auth.method === "key-file" ? input.auth.identityFile : null,
    secretCipher: secretFor(input.auth),
    jumpUser: input.jump?.user ?? null,
    jumpHost: input.jump?.host ?? null,
    jumpPort: input.jump?.port ?? null,
    jumpAuthMethod: input.jump ? (jumpKeyFile ? "key-file" : "agent") : null,
    jumpIdentityFile: jumpKeyFile,
    jumpChain: encodeJumpChain(further),
    acceptNextHostKey: input.acceptHostKey,
  });
}
