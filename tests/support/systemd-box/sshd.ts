import fs from "node:fs";
import path from "node:path";
import { freePort } from "../free-port";
import { keygen } from "../sshd/keygen";
import { waitForBanner } from "../sshd/wait-for-banner";
import { execIn } from "./boot";

export type BoxSsh = {
  host: "127.0.0.1";
  port: number;
  user: "root";
  privateKeyPath: string;
  hostKeyFingerprint: string;
};

const UNIT = "deploylens-test-sshd.service";

/**
 * sshd inside the container, as a unit of its systemd, on a free port of the host's loopback (the box
 * shares the host's network). Host and client keys are made for this boot in `dir` (on the host).
 */
export async function startBoxSshd(leader: number, dir: string): Promise<BoxSsh> {
  const client = await keygen(dir, "client_ed25519");
  const host = await keygen(dir, "host_ed25519");
  const port = await freePort();
  const put = async (file: string, content: string, mode: string) => {
    const script = 'umask 077 && mkdir -p "$(dirname "$1")" && cat > "$1" && chmod "$2" "$1"';
    const r = await execIn(leader, ["sh", "-c", script, "sh", file, mode], content);
    if (r.code !== 0) throw new Error(`writing ${file} in the box: ${r.stderr}`);
  };
  await put("/etc/ssh/ssh_host_ed25519_key", fs.readFileSync(host.privateKeyPath, "utf8"), "600");
  await put("/root/.ssh/authorized_keys", client.publicKey, "600");
  const unit = [
    "[Unit]",
    "Description=sshd for DeployLens tests",
    "[Service]",
    "RuntimeDirectory=sshd",
    `ExecStart=/usr/sbin/sshd -D -e -p ${port} -h /etc/ssh/ssh_host_ed25519_key -o ListenAddress=127.0.0.1 ` +
      "-o PermitRootLogin=prohibit-password -o PasswordAuthentication=no -o KbdInteractiveAuthentication=no",
    "",
  ].join("\n");
  await put(`/etc/systemd/system/${UNIT}`, unit, "644");
  const started = await execIn(leader, ["systemctl", "start", UNIT]);
  if (started.code !== 0) throw new Error(`starting sshd in the box: ${started.stderr}`);
  await waitForBanner(port, Date.now() + 20_000, () => true).catch(async (err: Error) => {
    const journal = await execIn(leader, ["journalctl", "-u", UNIT, "--no-pager", "-n", "30"]);
    throw new Error(`${err.message}\n${journal.stdout}`);
  });
  const privateKeyPath = path.resolve(client.privateKeyPath);
  return { host: "127.0.0.1", port, user: "root", privateKeyPath, hostKeyFingerprint: host.fingerprint };
}
