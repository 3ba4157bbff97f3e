import "server-only";
import type { z } from "zod";
import type { AuditActor } from "@/lib/audit/record-audit";
import { clientAddress } from "@/lib/auth/client-address";
import { requireRole, requireSameSite } from "@/lib/auth/require-role";
import type { Role } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/sessions";
import { readJsonBody } from "./read-json-body";
import { toErrorResponse } from "./to-error-response";

/** Who may call: at least this role, or "public" for the few open routes (sign-in, setup). */
type Access = Role | "public";

/** What a handler gets: the request, the caller, who to record in the audit, and the parsed body. */
export type RouteCall<A extends Access, B> = {
  req: Request;
  user: A extends Role ? SessionUser : null;
  /** The audit actor: the signed-in user (null on a public route) from the caller's address. */
  by: () => AuditActor;
  body: B;
};

type BodyOf<S> = S extends z.ZodType ? z.output<S> : undefined;

/** A route with no dynamic segment needs no context: its handler may be called with the request alone. */
type ContextArgs<C> = unknown extends C ? [ctx?: unknown] : [ctx: C];

/** Reads and validates a JSON body: 422 `invalid-input` for oversized or malformed JSON and for a schema miss. */
export async function parseBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  return schema.parse(await readJsonBody(req));
}

/**
 * The one shape of a route handler. Before `handler` runs: the request guards (Host, same-origin write, JSON
 * content type), then the session and its role (none for "public"), then the body when a schema is given.
 * Every failure, there or in the handler, becomes the response toErrorResponse makes of it.
 */
export function route<A extends Access, S extends z.ZodType | undefined = undefined, C = unknown>(
  options: { role: A; body?: S },
  handler: (call: RouteCall<A, BodyOf<S>>, ctx: C) => Promise<Response>,
): (req: Request, ...ctx: ContextArgs<C>) => Promise<Response> {
  return async (req, ...[ctx]) => {
    try {
      const user = options.role === "public" ? (requireSameSite(req), null) : await requireRole(req, options.role);
      const body = (options.body ? await parseBody(req, options.body) : undefined) as BodyOf<S>;
      const by = () => ({ actor: user?.name ?? null, address: clientAddress(req) });
      return await handler({ req, user: user as RouteCall<A, BodyOf<S>>["user"], by, body }, ctx as C);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
