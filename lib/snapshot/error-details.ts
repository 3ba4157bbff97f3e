import { z } from "zod";

const fingerprint = z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/);

/**
 * What a failed collection recorded about its failure, as data: which endpoint, its address, and the host
 * key it presented (and the pin it did not match). Stored as JSON in Snapshot.errorDetails; the trust
 * route and the host page read it, never the message text.
 */
export const errorDetailsSchema = z.object({
  code: z.string().max(100),
  endpoint: z.enum(["target", "jump"]).optional(),
  /** Which jump host of a chain (1 = the one dialled directly); absent for a single jump host. */
  hop: z.number().int().min(1).max(64).optional(),
  host: z.string().max(255).optional(),
  port: z.number().int().min(1).max(65535).optional(),
  fingerprint: fingerprint.optional(),
  /** The presented key's type, as its blob names it ("ssh-ed25519"). */
  keyType: z
    .string()
    .regex(/^[a-z0-9@.-]{1,64}$/)
    .optional(),
  pinned: z.string().max(100).optional(),
  cause: z.string().max(100).optional(),
});

export type ErrorDetails = z.infer<typeof errorDetailsSchema>;

/** The stored details of a failed snapshot, or null when there are none (or they do not parse). */
export function parseErrorDetails(text: string | null): ErrorDetails | null {
  if (!text) return null;
  try {
    const parsed = errorDetailsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
