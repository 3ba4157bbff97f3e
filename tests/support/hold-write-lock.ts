import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";

const libsqlPath = createRequire(import.meta.url).resolve("libsql");

// Another process, as a backup tool or a `sqlite3` shell would be: it takes the write lock and keeps it.
const HOLDER = `
const Database = require(process.argv[1]);
const db = new Database(process.argv[2], { timeout: 10000 });
db.exec("BEGIN IMMEDIATE");
process.stdout.write("locked\\n");
setTimeout(() => { db.exec("ROLLBACK"); db.close(); process.stdout.write("released\\n"); }, Number(process.argv[3]));
`;

export type WriteLock = { child: ChildProcess; released: Promise<void> };

/** Holds the database's write lock from a separate `node` process for `ms`; resolves once it holds it. */
export async function holdWriteLock(file: string, ms: number): Promise<WriteLock> {
  const child = spawn(process.execPath, ["-e", HOLDER, libsqlPath, file, String(ms)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  const released = new Promise<void>((resolve, reject) => {
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`lock holder exited with ${code}`))));
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("locked\n")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`lock holder exited with ${code} before locking`)));
  });
  return { child, released };
}
