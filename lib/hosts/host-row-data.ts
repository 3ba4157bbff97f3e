import "server-only";
import type { NewHostRow } from "@/lib/db/queries/hosts";
import { encodeHostLists, encodeJumpChain } from "@/lib/db/host-columns";
import { ValidationError } from "@/lib/errors";
import { sealCredential } from "@/lib/secrets/credential";
import type { HostInput, SshAuthInput } from "./host-input";

function secretFor(auth: SshAuthInput): string | null {
  if (auth.method === "password") return sealCredential({ password: auth.password });
  if (auth.method === "stored-key") return sealCredential({ privateKey: auth.privateKey, passphrase: auth.passphrase });
  return null;
}

/** The columns a validated host input stands for; credentials are encrypted here, before they go anywhere. */
export function hostRowData(input: HostInput) {
  const common = {
    name: input.name,
    transport: input.transport,
    ...encodeHostLists(input),
    serviceUnit: input.serviceUnit,
    unitFile: input.unitFile,
    python: input.python,
    serviceUser: input.serviceUser,
    container: input.container,
    engine: input.engine,
    measureStartup: input.measureStartup,
    maxFiles: input.maxFiles,
    timeoutSeconds: input.timeoutSeconds,
  } satisfies NewHostRow;
  if (input.transport === "local") return { ...common, connection: null };
  const jumpKeyFile = input.jump && input.jumpAuth.method === "key-file" ? input.jumpAuth.identityFile : null;
  if (input.jumpChain.length && !input.jump) throw new ValidationError("jumpChain needs jump, the first hop");
  // Hops after the first: each with its own user, port and key file (none means the agent); keys pinned later.
  const further = input.jumpChain.map(({ user, host, port, auth }) => ({
    user,
    host,
    port,
    identityFile: auth.method === "key-file" ? auth.identityFile : null,
    keySha256: null,
  }));
  const connection = {
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
  };
  return { ...common, connection };
}

export type HostConnectionData = NonNullable<ReturnType<typeof hostRowData>["connection"]>;
