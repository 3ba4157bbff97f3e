import { migrate, MigrationError } from "./migrate";

/** Brings the database up to date before the first request, or stops the server with the reason. */
export function migrateOnStart(): void {
  try {
    const result = migrate();
    if (result.applied.length)
      console.log(`deploylens: applied migrations ${result.applied.join(", ")} to ${result.file}`);
  } catch (error) {
    if (!(error instanceof MigrationError)) throw error;
    console.error(`deploylens: refusing to start. ${error.message}`);
    process.exit(1);
  }
}
