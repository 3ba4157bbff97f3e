import { expect, test } from "vitest";
import { hostFormBody } from "@/components/hosts/host-form-body";
import { hostInputSchema } from "@/lib/hosts/host-input";

const formOf = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form;
};

test("the form's container and engine reach the API body, and a blank engine means either", () => {
  const named = hostFormBody(
    formOf({ transport: "local", name: "web", appRoots: "/app", container: "shop-web", engine: "podman" }),
  );
  expect(named).toMatchObject({ body: { container: "shop-web", engine: "podman" } });
  const either = hostFormBody(
    formOf({ transport: "local", name: "web", appRoots: "/app", container: "shop-web", engine: "" }),
  );
  expect(either).toMatchObject({ body: { container: "shop-web", engine: null } });
});

test.each([
  ["-H", "must not start with '-'"],
  ["shop web", "a container name or id"],
])("the container %j is refused: %s", (container, message) => {
  const parsed = hostInputSchema.safeParse({ transport: "local", name: "web", appRoots: ["/app"], container });
  expect(parsed.success).toBe(false);
  expect(parsed.error?.issues.map((i) => i.message)).toContain(
    message.startsWith("must") ? `${message} (a command would read it as an option)` : message,
  );
});

test("an engine other than docker or podman is refused", () => {
  const parsed = hostInputSchema.safeParse({
    transport: "local",
    name: "web",
    appRoots: ["/app"],
    container: "x",
    engine: "lxc",
  });
  expect(parsed.success).toBe(false);
  expect(parsed.error?.issues[0]?.path).toEqual(["engine"]);
});
