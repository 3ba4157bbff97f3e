import path from "node:path";
import { migrate } from "@/lib/db/migrate";
import { halfCompiledApp, type HalfCompiledApp } from "./fixtures/half-compiled-app";
import { tempDir } from "./temp-dir";

/**
 * A migrated SQLite file of its own for a test file's in-process collections, and local hosts on half-compiled
 * apps saved in it. Call `open` in beforeAll: lib/db/client reads DATABASE_URL when it is first imported.
 */
export function localHostDatabase(prefix: string) {
  const temp = tempDir(prefix);
  const apps: HalfCompiledApp[] = [];
  const databaseFile = path.join(temp.dir, "hosts.db");
  return {
    open() {
      process.env.DATABASE_URL = `file:${databaseFile}`;
      migrate({ file: databaseFile });
    },
    async addLocalHost(name: string) {
      const { createHost } = await import("@/lib/hosts/create-host");
      const app = halfCompiledApp();
      apps.push(app);
      const input = { name, transport: "local", appRoots: [app.app], python: app.venv.python, measureStartup: false };
      return createHost(input);
    },
    remove() {
      for (const app of apps) app.remove();
      temp.remove();
    },
  };
}
