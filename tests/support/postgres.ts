import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { freePort } from "./free-port";
import { tempDir } from "./temp-dir";

const run = promisify(execFile);

/** Debian's postgresql package puts each major version's programs here; the newest installed one is used. */
const DEBIAN_BIN = "/usr/lib/postgresql";

function postgresBin(): string | null {
  const versions = fs.existsSync(DEBIAN_BIN) ? fs.readdirSync(DEBIAN_BIN) : [];
  const newest = versions
    .filter((v) => fs.existsSync(path.join(DEBIAN_BIN, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a))[0];
  return newest ? path.join(DEBIAN_BIN, newest, "bin") : null;
}

/** Why the PostgreSQL tests cannot run here, or null when they can: a skipped test says it in its name. */
export const postgresMissing: string | null = postgresBin()
  ? null
  : `skipped: PostgreSQL's server programs are not installed (no ${DEBIAN_BIN}/*/bin/initdb; apt-get install postgresql)`;

export type RunningPostgres = {
  /** A URL of the server's `postgres` database, or of `database`. */
  url: (database?: string) => string;
  /** Creates an empty database and returns its URL: one per test file or test keeps them apart. */
  createDatabase: (name: string) => Promise<string>;
  stop: () => Promise<void>;
};

/** PostgreSQL refuses to run as root: as root, the server runs as `nobody`, which owns its folder. */
const NOBODY = 65534;
const asOwner = (command: string, args: string[]): [string, string[]] =>
  process.getuid?.() === 0
    ? ["setpriv", [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups", command, ...args]]
    : [command, args];

/**
 * A throwaway PostgreSQL server: initdb in a temporary folder, listening on a free loopback port (and a Unix
 * socket in that folder), trusting local connections. Durability is off: the data dies with the test.
 */
export async function startPostgres(): Promise<RunningPostgres> {
  const bin = postgresBin();
  if (!bin) throw new Error(postgresMissing ?? "PostgreSQL is not installed");
  const temp = tempDir("deploylens-pg-");
  if (process.getuid?.() === 0) fs.chownSync(temp.dir, NOBODY, NOBODY);
  const data = path.join(temp.dir, "data");
  const user = "deploylens";
  await run(...asOwner(path.join(bin, "initdb"), ["-D", data, "-U", user, "--auth=trust", "-E", "UTF8", "--no-sync"]));
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${temp.dir}`,
    "-c listen_addresses=127.0.0.1",
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
  ].join(" ");
  const log = path.join(temp.dir, "server.log");
  const ctl = (args: string[]) => run(...asOwner(path.join(bin, "pg_ctl"), ["-D", data, ...args]));
  try {
    await ctl(["-l", log, "-w", "-t", "60", "-o", options, "start"]);
  } catch (error) {
    const logged = fs.existsSync(log) ? fs.readFileSync(log, "utf8") : "";
    temp.remove();
    throw new Error(`PostgreSQL did not start: ${String(error)}\n${logged}`);
  }
  const url = (database = "postgres") => `postgresql://${user}@127.0.0.1:${port}/${database}`;
  return {
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    async stop() {
      await ctl(["-m", "immediate", "stop"]).catch(() => undefined);
      temp.remove();
    },
  };
}
