// npm run db:migrate — apply pending migrations to DATABASE_URL (default ./data/deploylens.db).
import { migrate } from "../lib/db/migrate";

const result = migrate();
const applied = result.applied.length ? result.applied.join(", ") : "none pending";
console.log(`${result.file}: applied ${applied} (${result.alreadyApplied} already applied)`);
