import "server-only";
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { dataDir } from "@/lib/db/paths";
import { SecretError } from "./secret-error";

const KEY_BYTES = 32;

// A key file holds one line of base64 or hex; anything much longer is not a key.
const MAX_KEY_FILE_BYTES = 4096;

/**
 * Where the key lives when DEPLOYLENS_SECRET_KEY is not set: DEPLOYLENS_SECRET_KEY_FILE, else next to the
 * database file (where a copy of the data folder carries it along), or in ./data on PostgreSQL.
 */
export function secretKeyFile(): string {
  const configured = process.env.DEPLOYLENS_SECRET_KEY_FILE?.trim();
  if (configured) return path.resolve(configured);
  return path.join(dataDir(), "secret.key");
}

/**
 * The 32-byte AES-256 key: DEPLOYLENS_SECRET_KEY (hex or base64) if set, else the key file
 * (DEPLOYLENS_SECRET_KEY_FILE or secret.key beside the database), which is created (0600) on first use. Read on every call, so a key supplied later or a test's DATABASE_URL
 * takes effect without a restart.
 */
export function secretKey(): Buffer {
  const fromEnv = process.env.DEPLOYLENS_SECRET_KEY;
  if (fromEnv !== undefined && fromEnv.trim() !== "") return parseKey(fromEnv, "DEPLOYLENS_SECRET_KEY");
  return readOrCreateKeyFile(secretKeyFile());
}

/** Accepts 64 hex characters, or base64 / base64url of exactly 32 bytes. */
export function parseKey(text: string, source: string): Buffer {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, "hex");
  const decoded = /^[A-Za-z0-9+/_-]+={0,2}$/.test(value) ? Buffer.from(value, "base64") : null;
  if (decoded?.length === KEY_BYTES) return decoded;
  const got = decoded ? `${decoded.length} bytes` : "neither hex nor base64";
  throw new SecretError(
    "bad-key",
    `${source} must hold a 32-byte key as 64 hex characters or base64 (make one with ` +
      `\`openssl rand -base64 32\`); it is ${got}.`,
  );
}

function readOrCreateKeyFile(file: string): Buffer {
  try {
    return readKeyFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    // "wx": if another process created it first, its key wins and we read that one below.
    fs.writeFileSync(file, `${randomBytes(KEY_BYTES).toString("base64")}\n`, { flag: "wx", mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
  return readKeyFile(file);
}

function openKeyFile(file: string): number {
  try {
    return fs.openSync(file, "r");
  } catch (error) {
    const errno = (error as NodeJS.ErrnoException).code;
    if (errno === "ENOENT") throw error;
    throw new SecretError(
      "key-file-unreadable",
      `The secret key file ${file} cannot be read by the DeployLens process (${errno ?? "error"}); check its owner.`,
    );
  }
}

/**
 * Reads through the descriptor whose mode was just checked. readSync rather than readFileSync: the bundler
 * reads readFileSync(<any variable>) as a file path it cannot know and would trace the whole project.
 */
function readSmallFile(fd: number): string {
  const buffer = Buffer.alloc(MAX_KEY_FILE_BYTES + 1);
  let length = 0;
  let read: number;
  do {
    read = fs.readSync(fd, buffer, length, buffer.length - length, null);
    length += read;
  } while (read > 0 && length < buffer.length);
  return buffer.subarray(0, length).toString("utf8");
}

function readKeyFile(file: string): Buffer {
  const fd = openKeyFile(file);
  try {
    const mode = fs.fstatSync(fd).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw new SecretError(
        "key-file-insecure",
        `The secret key file ${file} has mode ${mode.toString(8).padStart(4, "0")}, so other users ` +
          `can read it. Refusing to use it; restrict it with \`chmod 600 ${file}\`.`,
      );
    }
    return parseKey(readSmallFile(fd), `The secret key file ${file}`);
  } finally {
    fs.closeSync(fd);
  }
}
