// The console's only door to the platform: JSON over fetch with the session cookie. Non-2xx answers
// become an `ApiProblem` carrying the RFC 9457 fields, so callers switch on `code`, never on text.
// A 401 on any call except the ones that expect it tells the auth layer the session is gone.

export interface FieldError {
  field: string;
  /** In English. */
  message: string;
  /** What is wrong, where the console writes its own text (e.g. a spreadsheet import's problems). */
  code?: string;
  /** The values that text names. */
  params?: Record<string, string | number>;
}

export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[];

  constructor(init: { status: number; code: string; title: string; detail?: string; errors?: FieldError[] }) {
    super(init.detail ?? init.title);
    this.name = 'ApiProblem';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
  }
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, QueryValue> | object;
  signal?: AbortSignal;
  /** False for calls where 401 is an expected answer (login, the initial session check). */
  redirectOn401?: boolean;
}

let onUnauthorized: () => void = () => {
  if (window.location.pathname !== '/login') window.location.assign('/login');
};

/** Lets the auth layer replace the full-page redirect with an in-app one. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}) as [string, QueryValue][]) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** Called by other transports (the upload's XMLHttpRequest) when the platform answers 401. */
export function notifyUnauthorized(): void {
  onUnauthorized();
}

async function toProblem(response: Response): Promise<ApiProblem> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy error page, an empty body): fall back to the status line.
  }
  return problemFromBody(response.status, response.statusText, body);
}

/** An `ApiProblem` from a non-2xx answer's status line and parsed body (null when it was not JSON). */
export function problemFromBody(status: number, statusText: string, body: unknown): ApiProblem {
  const response = { status, statusText };
  const problem = (typeof body === 'object' && body !== null ? body : {}) as Partial<Record<string, unknown>>;
  return new ApiProblem({
    status: response.status,
    code: typeof problem.code === 'string' ? problem.code : `http_${response.status}`,
    title:
      typeof problem.title === 'string' ? problem.title : response.statusText || `HTTP ${response.status}`,
    ...(typeof problem.detail === 'string' ? { detail: problem.detail } : {}),
    ...(Array.isArray(problem.errors) ? { errors: problem.errors as FieldError[] } : {}),
  });
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'include',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiProblem({ status: 0, code: 'network_error', title: 'Network error' });
  }

  if (!response.ok) {
    const problem = await toProblem(response);
    if (problem.status === 401 && options.redirectOn401 !== false) onUnauthorized();
    throw problem;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
