import fs from "node:fs/promises";
import { readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { onProcessExit } from "./sshd/exit-cleanup";
import { keygen } from "./sshd/keygen";
import { createPasswordUser, type PasswordUser } from "./sshd/password-user";
import { settledLogs } from "./sshd/settled-logs";
import {
  startSshdOnFreePort,
  startSshdProcess,
  stopSshdProcess,
  type SshdProcess,
  type SshdSpec,
} from "./sshd/sshd-process";

export type Sshd = {
  host: "127.0.0.1";
  port: number;
  /** The user running the tests; key login as this user is set up. */
  user: string;
  /** An unencrypted ed25519 client key listed in authorized_keys. */
  privateKey: string;
  privateKeyPath: string;
  /** Ground truth from `ssh-keygen -lf` of the current host key. */
  hostKeyFingerprint: string;
  hostKeyPath: string;
  /** Temp dir holding config, keys and authorized_keys; removed by stop(). */
  dir: string;
  /**
   * Only with `{ password: true }`: a throwaway non-root account (root only, see sshd/password-user.ts)
   * that logs in with this password or with the client key.
   */
  passwordLogin?: { user: string; password: string };
  /** Everything sshd logged so far (-e), for failure messages. */
  logs(): string;
  /** Everything sshd logged for the connections that have ended, none missing (sshd/settled-logs.ts). */
  settledLogs(): Promise<string>;
  /** Lets another public key log in as `user`. */
  authorizeKey(publicKey: string): Promise<void>;
  /** The listening sshd's pid (its connections are its children). */
  pid(): number;
  /** Starts sshd again on the same port with the same host key, after stop() or after it was killed. */
  restart(): Promise<void>;
  /** Restarts on the same port with a brand-new host key; returns (and stores) its fingerprint. */
  restartWithNewHostKey(): Promise<string>;
  stop(): Promise<void>;
};

export type SshdOptions = {
  /** Also create a throwaway account with a known password (root only). */
  password?: boolean;
  /** Keep sshd's log to ourselves (default); false echoes it to stderr. */
  silent?: boolean;
  /** Extra sshd_config lines, e.g. "LogLevel DEBUG1"; they win over the defaults. */
  config?: string[];
  /** Mounts for sshd and its sessions only: a root shell script run in a private mount namespace (SshdSpec). */
  namespace?: string;
};

/**
 * A real OpenSSH server (/usr/sbin/sshd) on 127.0.0.1 for tests, as root or as any other user.
 * It never outlives the test process (see sshd/sshd-process.ts); the temp dir and a password
 * account are removed by stop() or, failing that, at process exit.
 */
export async function startSshd(options: SshdOptions = {}): Promise<Sshd> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "deploylens-sshd-"));
  const unregister = onProcessExit(() => rmSync(dir, { recursive: true, force: true }));
  let passwordUser: PasswordUser | undefined;
  try {
    // sshd as root insists on its privilege-separation directory.
    if (process.getuid?.() === 0) await fs.mkdir("/run/sshd", { recursive: true, mode: 0o755 });
    const client = await keygen(dir, "client_ed25519");
    passwordUser = await authorize(dir, client.publicKey, !!options.password);
    const hostKeyPath = path.join(dir, "host_ed25519");
    const spec: SshdSpec = {
      dir,
      hostKeyPath,
      password: !!options.password,
      extra: options.config ?? [],
      log: [],
      silent: options.silent ?? true,
      namespace: options.namespace,
    };
    const hostKeyFingerprint = await newHostKey(spec.hostKeyPath);
    const server = await startSshdOnFreePort(spec);
    return handle({ spec, server, client, hostKeyFingerprint, passwordUser, unregister });
  } catch (err) {
    await passwordUser?.remove();
    unregister();
    await fs.rm(dir, { recursive: true, force: true });
    throw err;
  }
}

type Parts = {
  spec: SshdSpec;
  server: SshdProcess;
  client: { privateKey: string; privateKeyPath: string };
  hostKeyFingerprint: string;
  passwordUser: PasswordUser | undefined;
  unregister: () => void;
};

function handle({ spec, server, client, hostKeyFingerprint, passwordUser, unregister }: Parts): Sshd {
  let running = server;
  const sshd: Sshd = {
    host: "127.0.0.1",
    port: running.port,
    user: os.userInfo().username,
    privateKey: client.privateKey,
    privateKeyPath: client.privateKeyPath,
    hostKeyFingerprint,
    hostKeyPath: spec.hostKeyPath,
    dir: spec.dir,
    passwordLogin: passwordUser && { user: passwordUser.user, password: passwordUser.password },
    logs: () => spec.log.join(""),
    settledLogs: () => settledLogs(sshd.port, sshd.pid(), sshd.logs),
    authorizeKey: (key) => fs.appendFile(path.join(spec.dir, "authorized_keys"), key.endsWith("\n") ? key : `${key}\n`),
    pid: () => Number(readFileSync(path.join(spec.dir, "sshd.pid"), "utf8")),
    restart: async () => {
      await stopSshdProcess(running);
      running = await startSshdProcess(spec, sshd.port);
    },
    restartWithNewHostKey: async () => {
      await stopSshdProcess(running);
      sshd.hostKeyFingerprint = await newHostKey(spec.hostKeyPath);
      running = await startSshdProcess(spec, sshd.port);
      return sshd.hostKeyFingerprint;
    },
    stop: async () => {
      await stopSshdProcess(running);
      await passwordUser?.remove();
      passwordUser = undefined;
      unregister();
      await fs.rm(spec.dir, { recursive: true, force: true });
    },
  };
  return sshd;
}

/** Lists the client key in authorized_keys; with `password`, also makes the throwaway account. */
async function authorize(dir: string, publicKey: string, password: boolean): Promise<PasswordUser | undefined> {
  const authorizedKeys = path.join(dir, "authorized_keys");
  await fs.writeFile(authorizedKeys, publicKey, { mode: 0o600 });
  if (!password) return undefined;
  const user = await createPasswordUser();
  // That account reads authorized_keys with its own uid; let it, so it can use the key too.
  await fs.chmod(dir, 0o711);
  await fs.chmod(authorizedKeys, 0o644);
  return user;
}

/** Replaces the host key pair at `keyPath` with a new ed25519 one; returns its fingerprint. */
async function newHostKey(keyPath: string): Promise<string> {
  await fs.rm(keyPath, { force: true });
  await fs.rm(`${keyPath}.pub`, { force: true });
  return (await keygen(path.dirname(keyPath), path.basename(keyPath))).fingerprint;
}
