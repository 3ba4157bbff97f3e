// Runs once when the server starts: bring the database up to date before the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { migrateOnStart } = await import("./lib/db/migrate-on-start");
  migrateOnStart();
  // With no users yet, the console gets the one-time link that creates the first admin.
  const { announceSetupOnStart } = await import("./lib/auth/announce-setup-on-start");
  await announceSetupOnStart();
}
