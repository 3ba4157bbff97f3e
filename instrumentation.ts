// Runs once when the server starts: bring the database up to date before the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { migrate, MigrationError } = await import("./lib/db/migrate");
  try {
    const result = migrate();
    if (result.applied.length) console.log(`deploylens: applied migrations ${result.applied.join(", ")} to ${result.file}`);
  } catch (error) {
    if (!(error instanceof MigrationError)) throw error;
    console.error(`deploylens: refusing to start. ${error.message}`);
    process.exit(1);
  }
}
