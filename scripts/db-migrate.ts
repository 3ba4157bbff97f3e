// npm run db:migrate — apply pending migrations to DATABASE_URL (default ./data/deploylens.db; SQLite or PostgreSQL).
import { migrateDatabase } from "../lib/db/migrate-database";

const result = await migrateDatabase();
const applied = result.applied.length ? result.applied.join(", ") : "none pending";
console.log(`${result.file}: applied ${applied} (${result.alreadyApplied} already applied)`);
