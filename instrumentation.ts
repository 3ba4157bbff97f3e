// Runs once when the server starts: bring the database up to date before the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { migrateOnStart } = await import("./lib/db/migrate-on-start");
  migrateOnStart();
}
