// The dashboard's HTTP server: Next's own request handler behind a plain node:http server, started by
// `npm start` (scripts/start.mjs) and the tests. It exists for one reason: Next does not tell a route
// handler the socket's peer address, and X-Forwarded-For is whatever the client sent. So every request
// gets the peer address in x-deploylens-peer, written here over anything the client put there, and the
// process is marked so lib/auth/client-address.ts knows the header is this server's and not the client's.
// usage: node scripts/serve.mjs [-p PORT] [-H HOSTNAME]
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { compressionMode, mayCompress } from "./compression.mjs";

const PEER_HEADER = "x-deploylens-peer";
const PEER_HEADER_MARK = Symbol.for("deploylens.peer-header");

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const port = Number(values.port ?? process.env.PORT ?? "3000");
const hostname = values.hostname ?? "127.0.0.1";
// What `next start` sets: the request guard derives the allowed origins from PORT, and the address the
// server announces (its public URL, the setup link: lib/base-url.ts) is the one it listens on.
const origin = `http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${port}`;
process.env.PORT = String(port);
process.env.__NEXT_PRIVATE_ORIGIN ??= origin;
process.env.NODE_ENV ??= "production";
globalThis[PEER_HEADER_MARK] = true;
const compression = (() => {
  try {
    return compressionMode();
  } catch (error) {
    console.error(`deploylens: ${error.message}`);
    process.exit(2);
  }
})();

const { default: next } = await import("next");
const app = next({ dir: root, dev: false, hostname, port });
const handle = app.getRequestHandler();

const server = http.createServer(async (req, res) => {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  // Next gzips whatever asks for it (next.config.js); an answer that should stay plain is asked without.
  if (!mayCompress(compression, req.socket.remoteAddress)) delete req.headers["accept-encoding"];
  try {
    await handle(req, res);
  } catch (error) {
    console.error(`Failed to handle request for ${req.url}`, error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  }
});
server.on("upgrade", (req, socket, head) => {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  app
    .getUpgradeHandler()(req, socket, head)
    .catch(() => socket.destroy());
});

// As `next start` does: stop accepting, finish what is in flight, let Next clean up, exit as signalled.
let stopping = false;
for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close(() => app.close().finally(() => process.exit(code)));
    server.closeIdleConnections();
  });
}

await app.prepare();
// One address, once (Next's own banner would repeat it as "Network:").
server.listen(port, hostname, () => console.log(`DeployLens is ready.\n- Local:        ${origin}`));
