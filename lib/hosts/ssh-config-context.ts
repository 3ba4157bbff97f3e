import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ResolveContext } from "./ssh-config-resolve";

/** Reads ~/.ssh/config (or `configFile`) and its Includes from this machine's file system. */
export function sshConfigContext(configFile?: string): ResolveContext {
  const home = os.homedir();
  return {
    configFile: configFile ? path.resolve(configFile) : path.join(home, ".ssh", "config"),
    home,
    localUser: os.userInfo().username,
    readFile: (file) => {
      try {
        return fs.readFileSync(file, "utf8");
      } catch {
        return null;
      }
    },
    listDir: (dir) => {
      try {
        return fs.readdirSync(dir);
      } catch {
        return [];
      }
    },
  };
}
