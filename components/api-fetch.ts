/** A refusal as the API states it (lib/http/to-error-response.ts); `issues` come with invalid input. */
export type ApiError = {
  code: string | null;
  message: string;
  issues?: { path: (string | number)[]; message: string }[];
};

/**
 * What an API call came back with: its `data` when it succeeded, else the server's `error`, which is null when
 * the answer was not the API's JSON (a proxy's error page, a cut connection): the caller words that case.
 */
export type ApiResult<T> =
  { status: number; data: T; error?: undefined } | { status: number; data?: undefined; error: ApiError | null };

type Envelope<T> = { data?: T; error?: ApiError } | null;

/**
 * fetch for the dashboard's own API: reads the `{ data }` or `{ error }` envelope once, so a component never
 * parses or casts a response itself. A network failure still rejects, as fetch does.
 */
export async function apiFetch<T>(url: string, init?: RequestInit): Promise<ApiResult<T>> {
  const response = await fetch(url, init);
  const body = (await response.json().catch(() => null)) as Envelope<T>;
  if (response.ok && body?.data !== undefined) return { status: response.status, data: body.data };
  return { status: response.status, error: body?.error ?? null };
}

/** A JSON write (POST, PATCH, DELETE) to the API: the content type the server requires of every write. */
export function apiSend<T>(url: string, method: "POST" | "PATCH" | "DELETE", body?: unknown): Promise<ApiResult<T>> {
  const json = body === undefined ? undefined : JSON.stringify(body);
  return apiFetch<T>(url, { method, headers: { "content-type": "application/json" }, body: json });
}
