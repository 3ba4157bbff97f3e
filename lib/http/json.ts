/** The one success envelope: `{ data }`. */
export function json<T>(data: T, status = 200): Response {
  return Response.json({ data }, { status });
}
