/** Calling the platform's API directly from a browser test: what another user does meanwhile. */
import { baseURL, DEMO_PASSWORD } from './browser.ts';

/** Signs a demo account in through the API; answers its session cookie (name=value). */
export async function session(username: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await fetch(`${baseURL()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const cookie = response.headers.get('set-cookie');
  if (!response.ok || !cookie) throw new Error(`login ${username}: ${response.status}`);
  return cookie.split(';')[0]!;
}

/** A JSON request as the session; throws with the answer unless it is 2xx. */
export async function api<T = unknown>(
  cookie: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${baseURL()}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
