/** Sends one change to /api/users and returns the server's message when it refuses, null when done. */
export async function userRequest(method: "POST" | "PATCH" | "DELETE", path: string, body?: object) {
  const response = await fetch(path, {
    method,
    headers: { "content-type": "application/json" },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (response.ok) return null;
  const parsed = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return parsed?.error?.message ?? `the server answered ${response.status}`;
}
