// Runs once when the server starts: bring the database up to date before the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { migrateOnStart } = await import("./lib/db/migrate-on-start");
  migrateOnStart();
  // Collections the previous process did not finish are recorded as "interrupted", never left "running".
  const { markInterruptedJobs } = await import("./lib/jobs/mark-interrupted-jobs");
  await markInterruptedJobs();
  // With no users yet, the console gets the one-time link that creates the first admin.
  const { announceSetupOnStart } = await import("./lib/auth/announce-setup-on-start");
  await announceSetupOnStart();
}
