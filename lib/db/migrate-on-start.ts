import { MigrationError } from "./migrate";
import { migrateDatabase } from "./migrate-database";

/** Brings the database up to date before the first request, or stops the server with the reason. */
export async function migrateOnStart(): Promise<void> {
  try {
    const result = await migrateDatabase();
    if (result.applied.length)
      console.log(`deploylens: applied migrations ${result.applied.join(", ")} to ${result.file}`);
  } catch (error) {
    if (!(error instanceof MigrationError)) throw error;
    console.error(`deploylens: refusing to start. ${error.message}`);
    process.exit(1);
  }
}
