import { expect, test } from "vitest";
import { fieldErrorsOf, fieldOfIssue, hostFormBody } from "@/components/hosts/host-form-body";

const formOf = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form;
};

test.each([
  [["name"], "name"],
  [["appRoots", 1], "appRoots"],
  [["ssh", "host"], "ssh"],
  [["jump", "port"], "jump"],
  [["auth", "password"], "password"],
  [["auth", "privateKey"], "privateKey"],
  [["auth", "identityFile"], "identityFile"],
  [["auth"], "authMethod"],
  [["jumpAuth", "identityFile"], "jumpIdentityFile"],
  [["entryPoints", 0], "entryPoints"],
] as const)("a zod issue at %j is shown next to the %s field", (path, field) => {
  expect(fieldOfIssue([...path])).toBe(field);
});

test("the first message per field wins, and a 422 without issues maps to none", () => {
  const body = {
    error: {
      issues: [
        { path: ["appRoots", 0], message: "must be an absolute path" },
        { path: ["appRoots", 1], message: "later" },
      ],
    },
  };
  expect(fieldErrorsOf(body)).toEqual({ appRoots: "must be an absolute path" });
  expect(fieldErrorsOf({ error: { message: "x" } })).toBeNull();
});

test("an SSH form becomes the API body; blank secrets stay blank (kept by the server on edit)", () => {
  const read = hostFormBody(
    formOf({
      name: "vps",
      transport: "ssh",
      ssh: "deploy@10.0.0.5:2222",
      authMethod: "password",
      password: "",
      jump: "",
      appRoots: "/opt/a\n\n /opt/b ",
      entryPoints: "wsgi:app, app.main",
      maxFiles: "1000",
      timeoutSeconds: "",
    }),
  );
  expect(read).toEqual({
    body: expect.objectContaining({
      ssh: { user: "deploy", host: "10.0.0.5", port: 2222 },
      auth: { method: "password", password: "" },
      jump: null,
      jumpAuth: { method: "agent" },
      appRoots: ["/opt/a", "/opt/b"],
      entryPoints: ["wsgi:app", "app.main"],
      measureStartup: false,
      maxFiles: 1000,
      timeoutSeconds: undefined,
    }),
  });
});

test("an address that is not USER@HOST[:PORT] is a field error before anything is sent", () => {
  expect(hostFormBody(formOf({ transport: "ssh", ssh: "vps.example.com", jump: "me@" }))).toEqual({
    errors: { ssh: expect.stringContaining("USER@HOST"), jump: expect.stringContaining("USER@HOST") },
  });
});
