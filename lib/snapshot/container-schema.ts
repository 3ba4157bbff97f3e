import { z } from "zod";
import { ARG_MAX, environmentSchema, LIST_MAX, message, name, path } from "./schema-bounds";

/** A Docker/Podman container that runs the service, from `inspect`, read as data. */
export const containerSchema = z.object({
  engine: z.enum(["docker", "podman"]),
  id: name,
  name,
  image: message.nullable(),
  imageId: name.nullable(),
  /** The image id the tag names at collection time; differs from imageId once the tag moved. */
  tagImageId: name.nullable().optional(),
  imageDigest: name.nullable(),
  startedAt: name.nullable(),
  restartCount: z.number().int().min(0),
  restartPolicy: name,
  user: name.nullable(),
  workingDir: path.nullable(),
  entrypoint: z.array(z.string().max(ARG_MAX)).max(LIST_MAX),
  cmd: z.array(z.string().max(ARG_MAX)).max(LIST_MAX),
  readonlyRootfs: z.boolean(),
  mounts: z
    .array(
      z.object({
        type: name,
        destination: path,
        source: message.nullable(),
        readOnly: z.boolean(),
        options: z.array(name).max(LIST_MAX),
      }),
    )
    .max(LIST_MAX),
  environment: environmentSchema,
});
