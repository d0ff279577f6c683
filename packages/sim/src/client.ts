/**
 * What the simulator asks of the platform, and its HTTP implementation. Only public interfaces: the
 * partner APIs with an API key (screening, events) and the console's API with the sessions of the
 * demo (or given) users: an admin for the org tree and the API key, an analyst for the lists, an
 * officer for the warnings. Tests replace the whole client with a fake.
 */
import type { Cdr } from './callers.js';
import type { Unit } from './province.js';
import { readServerSentEvents } from './server-sent-events.js';

export interface ScreenItem {
  kind: 'number' | 'sms' | 'domain' | 'url' | 'account';
  value: string;
  text?: string;
  accountKind?: string;
}

export type VerdictAction = 'block' | 'mark' | 'allow' | 'pass' | 'invalid';

/** An event as partners send it (docs/warnings.md). */
export interface PartnerEvent {
  id: string;
  kind: 'call' | 'sms' | 'web' | 'app' | 'transfer' | 'report' | 'screening_hit';
  at: string;
  phone: string;
  idNumber?: string;
  evidence: Record<string, unknown>;
}

export interface EventsAnswer {
  accepted: number;
  duplicates: number;
  rejected: Array<{ index: number; id: string; reason: string }>;
}

export interface ListSpec {
  name: string;
  title: string;
  kind: 'number' | 'domain' | 'account';
  defaultAction: 'block' | 'mark';
  /** The fraud type of the entries (engine FRAUD_TYPES), for platforms that keep one per list. */
  fraudType?: string;
}

export interface EntrySpec {
  value: string;
  accountKind?: string;
  reason: string;
  sourceId: string;
}

/** One row of the officers' queue; the rest of the fields are kept raw. */
export interface WarningSummary {
  id: string;
  level: string;
  raw: Record<string, unknown>;
}

/** The live queue as it arrives: changes since the last `drain`. */
export interface WarningWatch {
  drain(): WarningSummary[];
  close(): void;
}

/** One row of the platform's false-alarm rate per rule (`GET /api/v1/warnings/figures`). */
export interface RuleFigure {
  ruleId: string;
  fired: number;
  closed: number;
  falseAlarms: number;
  rate: number | null;
}

export interface AttemptInput {
  channel: 'call' | 'sms' | 'visit';
  outcome: 'dissuaded' | 'paid' | 'unreachable' | 'false_alarm';
  amount?: number;
  note?: string;
  at: string;
}

export interface PlatformClient {
  units(): Promise<Unit[]>;
  /** Creates the list unless it exists; false when the platform would not keep its fraud type. */
  ensureList(list: ListSpec): Promise<boolean>;
  addEntries(list: string, entries: readonly EntrySpec[]): Promise<void>;
  /** Verdict actions in the order of `items`. */
  screen(items: readonly ScreenItem[]): Promise<VerdictAction[]>;
  /** null: the platform has no events API. */
  sendEvents(events: readonly PartnerEvent[]): Promise<EventsAnswer | null>;
  /** Carriers' call detail records (NDJSON to `/api/v1/partner/cdrs`); null: the platform takes none (404, or the key lacks scope cdr). */
  sendCdrs(cdrs: readonly Cdr[]): Promise<{ records: number; badLines: number } | null>;
  /** CDR batches the platform took but has not run through its windows (`fanzha_cdr_queue_depth`); null: not shown. */
  pendingCdrs(): Promise<number | null>;
  /** Numbers (as written in the CDRs, without +86) raised by the caller-behaviour detector and last seen since `since`; null: no review queue. */
  markedCallers(since: Date): Promise<string[] | null>;
  /** Events the platform took but has not handled yet (`fanzha_event_queue_depth` of /metrics); null: not shown. */
  pendingEvents(): Promise<number | null>;
  /** The platform's false-alarm figures per rule for warnings created since `since`; null: not available. */
  ruleFigures(since: Date): Promise<RuleFigure[] | null>;
  /** How many warnings (open or closed) the platform holds; null: it has no warnings API. */
  warningCount(): Promise<number | null>;
  /** Open warnings of one level; null: the platform has no warnings API. */
  openWarnings(level: string): Promise<WarningSummary[] | null>;
  /** Follows the live queue (server-sent events); null when the platform has none. */
  watchWarnings(): Promise<WarningWatch | null>;
  warning(id: string): Promise<Record<string, unknown>>;
  recordAttempt(id: string, attempt: AttemptInput): Promise<void>;
}

export interface Credentials {
  username: string;
  password: string;
}

export interface HttpClientOptions {
  url: string;
  /** A key with the scopes `events` and `screen`; created through the admin's session when absent. */
  apiKey?: string;
  admin: Credentials;
  analyst: Credentials;
  officer: Credentials;
}

export class PlatformError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

type Role = 'admin' | 'analyst' | 'officer';

export class HttpPlatformClient implements PlatformClient {
  readonly #url: string;
  readonly #credentials: Record<Role, Credentials>;
  readonly #sessions = new Map<Role, Promise<string>>();
  #apiKey: Promise<string> | undefined;
  #keyCreated = false;

  /** A client of a demo platform (`fanzha start --demo`): its province-level admin, analyst and officer. */
  static forDemo(url: string, password = 'fanzha-demo'): HttpPlatformClient {
    const as = (username: string) => ({ username, password });
    return new HttpPlatformClient({
      url,
      admin: as('province-admin'),
      analyst: as('province-analyst'),
      officer: as('province-officer'),
    });
  }

  constructor(options: HttpClientOptions) {
    this.#url = options.url.replace(/\/+$/, '');
    this.#credentials = { admin: options.admin, analyst: options.analyst, officer: options.officer };
    if (options.apiKey) this.#apiKey = Promise.resolve(options.apiKey);
  }

  async units(): Promise<Unit[]> {
    const body = (await this.#json('GET', '/api/v1/units', { role: 'admin' })) as { items: Unit[] };
    return body.items;
  }

  async ensureList(list: ListSpec): Promise<boolean> {
    const response = await this.#request('POST', '/api/v1/intel/lists', { role: 'analyst', body: list });
    if (response.status === 201 || response.status === 409) return true;
    if (response.status === 400 && list.fraudType) {
      // A platform without fraud types on lists: the list without one.
      await response.arrayBuffer();
      const { fraudType: _dropped, ...untyped } = list;
      await this.ensureList(untyped);
      return false;
    }
    throw await failure(response, `creating the list ${list.name}`);
  }

  async addEntries(list: string, entries: readonly EntrySpec[]): Promise<void> {
    if (entries.length === 0) return;
    const body = {
      entries: entries.map((entry) => ({
        value: entry.value,
        ...(entry.accountKind ? { accountKind: entry.accountKind } : {}),
        confidence: 95,
        source: { kind: 'case', id: entry.sourceId },
        reason: entry.reason,
      })),
    };
    await this.#json('POST', `/api/v1/intel/lists/${encodeURIComponent(list)}/entries`, {
      role: 'analyst',
      body,
    });
  }

  async screen(items: readonly ScreenItem[]): Promise<VerdictAction[]> {
    if (items.length === 0) return [];
    const verdicts = (await this.#json('POST', '/api/v1/screen/batch', { key: true, body: items })) as Array<{
      action: VerdictAction;
    }>;
    return verdicts.map((verdict) => verdict.action);
  }

  async sendEvents(events: readonly PartnerEvent[]): Promise<EventsAnswer | null> {
    for (let attempt = 0; ; attempt++) {
      const response = await this.#request('POST', '/api/v1/events', { key: true, body: events });
      if (response.status === 404) return null;
      if (response.status === 503 && attempt < 20) {
        // Back-pressure: the platform's queue is full; wait as told and send the same batch again.
        const seconds = Number(response.headers.get('retry-after') ?? '1');
        await response.arrayBuffer();
        await new Promise((resolve) => setTimeout(resolve, Math.min(10, Math.max(0.1, seconds)) * 1000));
        continue;
      }
      if (!response.ok) throw await failure(response, 'sending events');
      return (await response.json()) as EventsAnswer;
    }
  }

  async pendingEvents(): Promise<number | null> {
    return this.#gauge('fanzha_event_queue_depth');
  }

  async sendCdrs(cdrs: readonly Cdr[]): Promise<{ records: number; badLines: number } | null> {
    const body = cdrs.map((cdr) => JSON.stringify(cdr)).join('\n');
    for (let attempt = 0; ; attempt++) {
      const response = await this.#request('POST', '/api/v1/partner/cdrs?format=ndjson', {
        key: true,
        raw: { body, contentType: 'application/x-ndjson' },
      });
      if (response.status === 404 || response.status === 403) {
        await response.arrayBuffer();
        return null;
      }
      if (response.status === 503 && attempt < 20) {
        await response.arrayBuffer();
        await new Promise((resolve) => setTimeout(resolve, 500));
        continue;
      }
      if (!response.ok) throw await failure(response, 'sending CDRs');
      return (await response.json()) as { records: number; badLines: number };
    }
  }

  async pendingCdrs(): Promise<number | null> {
    return this.#gauge('fanzha_cdr_queue_depth');
  }

  async markedCallers(since: Date): Promise<string[] | null> {
    const numbers: string[] = [];
    for (let page = 1; ; page++) {
      const response = await this.#request(
        'GET',
        `/api/v1/intel/caller-candidates?status=pending&pageSize=200&page=${page}`,
        { role: 'analyst' },
      );
      if (response.status === 404) {
        await response.arrayBuffer();
        return null;
      }
      if (!response.ok) throw await failure(response, 'reading the marked callers');
      const body = (await response.json()) as {
        items: Array<{ number: string; lastSeenAt: string }>;
        total: number;
      };
      for (const item of body.items)
        if (Date.parse(item.lastSeenAt) >= since.getTime()) numbers.push(item.number.replace(/^\+86/, ''));
      if (page * 200 >= body.total || body.items.length === 0) return numbers;
    }
  }

  async #gauge(name: string): Promise<number | null> {
    const response = await this.#request('GET', '/metrics', {});
    if (!response.ok) {
      await response.arrayBuffer();
      return null;
    }
    const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(await response.text());
    return match ? Number(match[1]) : null;
  }

  async ruleFigures(since: Date): Promise<RuleFigure[] | null> {
    const path = `/api/v1/warnings/figures?from=${encodeURIComponent(since.toISOString())}`;
    const response = await this.#request('GET', path, { role: 'officer' });
    if (!response.ok) {
      await response.arrayBuffer();
      return null;
    }
    const body = (await response.json()) as { falseAlarmRate?: RuleFigure[] };
    return body.falseAlarmRate ?? null;
  }

  async warningCount(): Promise<number | null> {
    const response = await this.#request('GET', '/api/v1/warnings?page=1&pageSize=1', { role: 'officer' });
    if (response.status === 404) return null;
    if (!response.ok) throw await failure(response, 'reading the warnings');
    return ((await response.json()) as { total: number }).total;
  }

  async openWarnings(level: string): Promise<WarningSummary[] | null> {
    const rows: WarningSummary[] = [];
    for (let page = 1; ; page++) {
      const path = `/api/v1/warnings?status=open&level=${level}&page=${page}&pageSize=200`;
      const response = await this.#request('GET', path, { role: 'officer' });
      if (response.status === 404) return null;
      if (!response.ok) throw await failure(response, 'reading the warnings');
      const body = (await response.json()) as { items: Array<Record<string, unknown>>; total?: number };
      for (const item of body.items) rows.push({ id: String(item.id), level: String(item.level), raw: item });
      if (body.items.length < 200 || rows.length >= (body.total ?? Infinity)) return rows;
    }
  }

  async watchWarnings(): Promise<WarningWatch | null> {
    const path = '/api/v1/warnings/stream';
    const first = await this.#openStream(path);
    if (first === null) return null;
    const buffer: WarningSummary[] = [];
    let closed = false;
    let current: AbortController = first.abort;
    const follow = async (response: Response) => {
      for (;;) {
        try {
          await readServerSentEvents(response, (event, data) => {
            if (event !== 'warning') return;
            const item = JSON.parse(data) as Record<string, unknown>;
            buffer.push({ id: String(item.id), level: String(item.level), raw: item });
          });
        } catch {
          // Aborted, or the connection broke: reconnect below unless closed.
        }
        if (closed) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
        const next = await this.#openStream(path).catch(() => null);
        if (!next) continue;
        current = next.abort;
        response = next.response;
      }
    };
    void follow(first.response);
    return {
      drain: () => buffer.splice(0, buffer.length),
      close: () => {
        closed = true;
        current.abort();
      },
    };
  }

  async #openStream(path: string): Promise<{ response: Response; abort: AbortController } | null> {
    const abort = new AbortController();
    const response = await fetch(this.#url + path, {
      headers: { cookie: await this.#session('officer'), accept: 'text/event-stream' },
      signal: abort.signal,
    });
    if (response.status === 404) return null;
    if (!response.ok || !response.body) throw await failure(response, 'following the warnings');
    return { response, abort };
  }

  async warning(id: string): Promise<Record<string, unknown>> {
    return (await this.#json('GET', `/api/v1/warnings/${encodeURIComponent(id)}`, {
      role: 'officer',
    })) as Record<string, unknown>;
  }

  async recordAttempt(id: string, attempt: AttemptInput): Promise<void> {
    await this.#json('POST', `/api/v1/warnings/${encodeURIComponent(id)}/attempts`, {
      role: 'officer',
      body: attempt,
    });
  }

  async #json(method: string, path: string, options: RequestOptions): Promise<unknown> {
    const response = await this.#request(method, path, options);
    if (!response.ok) throw await failure(response, `${method} ${path}`);
    return response.status === 204 ? null : response.json();
  }

  async #request(method: string, path: string, options: RequestOptions): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      const response = await this.#send(method, path, options);
      // A key just created takes effect on the partner paths within seconds (they cache keys).
      if (response.status !== 401 || !options.key || !this.#keyCreated || attempt >= 60) return response;
      await response.arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async #send(method: string, path: string, options: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = {};
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.raw) headers['content-type'] = options.raw.contentType;
    if (options.key) headers['x-api-key'] = await this.#key();
    if (options.role) headers.cookie = await this.#session(options.role);
    const body = options.raw
      ? options.raw.body
      : options.body !== undefined
        ? JSON.stringify(options.body)
        : undefined;
    return fetch(this.#url + path, { method, headers, ...(body !== undefined ? { body } : {}) });
  }

  #session(role: Role): Promise<string> {
    let session = this.#sessions.get(role);
    if (!session) {
      session = this.#login(this.#credentials[role]);
      session.catch(() => this.#sessions.delete(role));
      this.#sessions.set(role, session);
    }
    return session;
  }

  async #login(credentials: Credentials): Promise<string> {
    const response = await fetch(`${this.#url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credentials),
    });
    if (!response.ok) throw await failure(response, `signing in as ${credentials.username}`);
    const cookie = response.headers
      .getSetCookie()
      .map((header) => header.split(';')[0]!)
      .find((pair) => pair.startsWith('fanzha_session='));
    await response.arrayBuffer();
    if (!cookie) throw new PlatformError(`signing in as ${credentials.username}: no session cookie`, 500);
    return cookie;
  }

  #key(): Promise<string> {
    this.#apiKey ??= this.#createKey();
    return this.#apiKey;
  }

  async #createKey(): Promise<string> {
    const body = (await this.#json('POST', '/api/v1/api-keys', {
      role: 'admin',
      body: {
        name: 'fanzha sim (carrier, bank and citizen-report feeds)',
        scopes: ['events', 'screen', 'cdr'],
      },
    })) as { key: string };
    this.#keyCreated = true;
    return body.key;
  }
}

interface RequestOptions {
  role?: Role;
  key?: boolean;
  body?: unknown;
  /** A body sent as it is, with its content type (NDJSON). */
  raw?: { body: string; contentType: string };
}

async function failure(response: Response, doing: string): Promise<PlatformError> {
  const text = await response.text();
  let detail = text.slice(0, 500);
  try {
    const problem = JSON.parse(text) as { detail?: string; title?: string };
    detail = problem.detail ?? problem.title ?? detail;
  } catch {
    // Not a problem document; keep the text.
  }
  return new PlatformError(`${doing}: HTTP ${response.status} ${detail}`, response.status);
}
