import { z } from "zod";
import { name, path } from "./schema-bounds";

/** A file or directory's owner, group, mode and the attributes that change the mode check. */
export const permissionSchema = z.object({
  path,
  uid: z.number().int(),
  gid: z.number().int(),
  owner: name.nullable(),
  group: name.nullable(),
  mode: z.number().int(), // st_mode & 0o7777
  /** Extended attributes that change the plain mode check (POSIX ACL, immutable, append-only). */
  acl: z.boolean().default(false),
});
