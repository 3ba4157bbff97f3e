import { expect, test } from "vitest";
import { toErrorResponse } from "@/lib/http/to-error-response";
import { hostInputSchema } from "@/lib/hosts/host-input";

test("a rejected host input answers 422 with each issue's path, so the form shows it next to its field", async () => {
  const parsed = hostInputSchema.safeParse({ transport: "local", name: "ok", appRoots: ["relative/path"] });
  if (parsed.success) throw new Error("expected a validation error");
  const response = toErrorResponse(parsed.error);
  expect(response.status).toBe(422);
  expect(await response.json()).toEqual({
    error: {
      code: "invalid-input",
      message: "appRoots.0: must be an absolute path",
      issues: [{ path: ["appRoots", 0], message: "must be an absolute path" }],
    },
  });
});
