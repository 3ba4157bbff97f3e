import { apiSend } from "@/components/api-fetch";

/** Sends one change to /api/users and returns the server's message when it refuses, null when done. */
export async function userRequest(method: "POST" | "PATCH" | "DELETE", path: string, body?: object) {
  const result = await apiSend<unknown>(path, method, body);
  if (result.data !== undefined) return null;
  return result.error?.message ?? `the server answered ${result.status}`;
}
