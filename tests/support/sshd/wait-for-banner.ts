import net from "node:net";

/** Resolves with the SSH identification line once `port` accepts and speaks; polls until `deadline`. */
export async function waitForBanner(port: number, deadline: number, alive: () => boolean): Promise<string> {
  for (;;) {
    const banner = await readBanner(port).catch(() => null);
    if (banner) return banner;
    if (!alive()) throw new Error("sshd exited before it accepted connections");
    if (Date.now() > deadline) throw new Error(`sshd did not answer on 127.0.0.1:${port} in time`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function readBanner(port: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let text = "";
    socket.setTimeout(2_000, () => socket.destroy(new Error("banner timeout")));
    socket.on("data", (chunk) => {
      text += chunk.toString("latin1");
      const line = text.split("\r\n")[0];
      if (text.includes("\r\n") && line) {
        socket.destroy();
        resolve(line.startsWith("SSH-2.0-") ? line : null);
      }
    });
    socket.on("error", reject);
    socket.on("close", () => resolve(null));
  });
}
