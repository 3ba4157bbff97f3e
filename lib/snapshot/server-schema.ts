import { z } from "zod";
import { LIST_MAX, message } from "./schema-bounds";

/** One server setting and where it was read: "ExecStart --workers 4", "gunicorn.conf.py workers = 4". */
const serverSettingSchema = <T extends z.ZodType>(value: T) => z.object({ value, source: message }).nullable();

/**
 * The service's server as its command line and config files state it (lib/collector/python/66_server_settings.py),
 * read as data: how many processes import the app at each start, and what recycles or reloads them.
 */
export const serverSchema = z.object({
  kind: z.enum(["gunicorn", "uwsgi", "waitress", "uvicorn", "hypercorn", "celery", "django-runserver"]),
  /** Processes that import (and so compile) the app at each start of the service. */
  processesPerStart: z.object({ value: z.number().int().min(0), source: message }),
  workers: serverSettingSchema(z.number().int()),
  /** The app is imported once before the workers fork (gunicorn --preload; uwsgi without lazy-apps). */
  preload: serverSettingSchema(z.boolean()),
  /** Requests (celery: tasks) after which a worker is replaced by a new one. */
  maxRequests: serverSettingSchema(z.number().int()),
  maxRequestsJitter: serverSettingSchema(z.number().int()),
  reload: serverSettingSchema(z.boolean()),
  lazyApps: serverSettingSchema(z.boolean()),
  threads: serverSettingSchema(z.number().int()),
  cores: z.number().int().nullable(),
  notes: z.array(message).max(LIST_MAX),
});
