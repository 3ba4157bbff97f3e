import { ValidationError } from "@/lib/errors";

const MAX_BODY_BYTES = 256 * 1024;

/** Parses a JSON request body, refusing oversized or malformed input with a specific message. */
export async function readJsonBody(req: Request): Promise<unknown> {
  const text = await req.text();
  if (text.length > MAX_BODY_BYTES) throw new ValidationError(`request body over ${MAX_BODY_BYTES} bytes`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ValidationError("request body is not valid JSON");
  }
}
