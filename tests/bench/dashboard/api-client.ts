export type Api = <T>(path: string, init?: { method: string; body?: unknown }) => Promise<T>;

/** A JSON client of the dashboard's API with a signed-in session: `{ data }` or a thrown error with the status. */
export function apiClient(baseUrl: string, headers: Record<string, string>): Api {
  return async <T>(path: string, init?: { method: string; body?: unknown }) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: init?.method ?? "GET",
      headers: { ...headers, "content-type": "application/json" },
      body: init?.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const body = (await response.json()) as { data?: T; error?: { code: string; message: string } };
    if (!response.ok || body.data === undefined)
      throw new Error(`${init?.method ?? "GET"} ${path}: ${response.status} ${JSON.stringify(body.error)}`);
    return body.data;
  };
}
