import http from "node:http";
import type { AddressInfo } from "node:net";

export type Received = { body: unknown; headers: http.IncomingHttpHeaders };
export type Receiver = {
  url: string;
  received: Received[];
  respondWith: (statuses: number[]) => void;
  stop: () => Promise<void>;
};

/** A real HTTP server on 127.0.0.1 that records every POST and answers with the queued statuses (then 200). */
export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  let statuses: number[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      received.push({ body: JSON.parse(body), headers: req.headers });
      res.writeHead(statuses.shift() ?? 200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook?token=s3cret`,
    received,
    respondWith: (next) => (statuses = [...next]),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
