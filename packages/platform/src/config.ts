/**
 * The platform's configuration, parsed once at start from environment variables into one typed object.
 * Nothing else in the platform reads `process.env`.
 */
import { resolve } from 'node:path';

export interface Config {
  /** HTTP port of the console and API. `PORT`, default 8080. */
  port: number;
  /** Interface to listen on. `HOST`, default 0.0.0.0. */
  host: string;
  /** Folder of the embedded PGlite database. `FANZHA_DATA_DIR`, default ./data. */
  dataDir: string;
  /** A PostgreSQL server to use instead of embedded PGlite. `DATABASE_URL` (postgres://…), default none. */
  databaseUrl: string | null;
  /** A NATS server for the event bus (nats://…); without it the bus is in-process. `NATS_URL`. */
  natsUrl: string | null;
  /** GB/T 2260 code of the deployment's province (two digits). `FANZHA_PROVINCE`, default 32 (江苏). */
  provinceCode: string;
  /** Seed demo accounts and data on first start. Set by `start --demo` or `FANZHA_DEMO=1`. */
  demo: boolean;
  /** pino log level. `LOG_LEVEL`, default info. */
  logLevel: string;
  /** Session lifetime in hours. `FANZHA_SESSION_HOURS`, default 12 (one shift). */
  sessionHours: number;
  /** Send the session cookie with `Secure` (behind HTTPS). `FANZHA_SECURE_COOKIES`, default false. */
  secureCookies: boolean;
  /** Failed logins per username (and per client address) within the window before 429. `FANZHA_LOGIN_MAX_FAILURES`, default 5. */
  loginMaxFailures: number;
  /** Window of the failed-login limit in minutes. `FANZHA_LOGIN_WINDOW_MINUTES`, default 15. */
  loginWindowMinutes: number;
  /** Largest accepted request body in bytes. `FANZHA_BODY_LIMIT`, default 10 MiB. */
  bodyLimit: number;
  /** Fraud probability from which an SMS text is marked. `FANZHA_SMS_MARK_THRESHOLD`, default 0.5. */
  smsMarkThreshold: number;
  /** Fraud probability from which an SMS text is blocked. `FANZHA_SMS_BLOCK_THRESHOLD`, default 0.9. */
  smsBlockThreshold: number;
  /** Largest import file in bytes. `FANZHA_IMPORT_LIMIT`, default 4 GiB. */
  importLimit: number;
  /** Folder of the built console. `FANZHA_CONSOLE_DIR`, default packages/console/dist. */
  consoleDir: string;
  /** Trust X-Forwarded-* headers from a reverse proxy. `FANZHA_TRUST_PROXY`, default false. */
  trustProxy: boolean;
  /** Events the in-process queue holds before intake answers 503. `FANZHA_EVENT_QUEUE`, default 50000. */
  eventQueueSize: number;
  /** Events handled per store transaction, and held unacknowledged per consumer. `FANZHA_EVENT_BATCH`, default 100. */
  eventBatchSize: number;
  /** Handler failures of one event before it becomes a dead letter. `FANZHA_EVENT_MAX_ATTEMPTS`, default 5. */
  eventMaxAttempts: number;
  /** JetStream stream of the events. `FANZHA_EVENT_STREAM`, default FANZHA_EVENTS. */
  eventStreamName: string;
  /** Subject prefix of the events (`<prefix>.<kind>`). `FANZHA_EVENT_SUBJECTS`, default fanzha.events. */
  eventSubjectPrefix: string;
  /** Durable JetStream consumer that handles the events. `FANZHA_EVENT_CONSUMER`, default fanzha-correlation. */
  eventConsumer: string;
  /** Caller-behaviour score from which a number's hour is marked and raised for review. `FANZHA_CALLER_THRESHOLD`, default 0.7. */
  callerMarkThreshold: number;
  /** CDR batches the in-process queue holds before CDR intake answers 503. `FANZHA_CDR_QUEUE`, default 2000. */
  cdrQueueSize: number;
  /** JetStream stream of the carriers' CDRs. `FANZHA_CDR_STREAM`, default FANZHA_CDRS. */
  cdrStreamName: string;
  /** Subject prefix of the CDR batches (`<prefix>.<carrier>`). `FANZHA_CDR_SUBJECTS`, default fanzha.cdrs. */
  cdrSubjectPrefix: string;
  /** Durable JetStream consumer feeding the caller-behaviour windows. `FANZHA_CDR_CONSUMER`, default fanzha-caller-behaviour. */
  cdrConsumer: string;
  /**
   * Time to first contact of a warning by level, in milliseconds; past it the warning escalates to the
   * parent unit. `FANZHA_WARNING_DEADLINES=red:5m,orange:30m,yellow:24h` (units s, m, h, d; any subset).
   */
  warningDeadlines: WarningDeadlines;
}

export interface WarningDeadlines {
  red: number;
  orange: number;
  yellow: number;
}

export const DEFAULT_WARNING_DEADLINES: WarningDeadlines = {
  red: 5 * 60_000,
  orange: 30 * 60_000,
  yellow: 24 * 3_600_000,
};

const DURATION_UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `red:5m,orange:30m,yellow:24h` → milliseconds per level; levels not named keep their default. */
export function parseWarningDeadlines(raw: string | undefined): WarningDeadlines {
  const deadlines = { ...DEFAULT_WARNING_DEADLINES };
  if (raw === undefined || raw.trim() === '') return deadlines;
  for (const part of raw.split(',')) {
    const match = /^\s*(red|orange|yellow)\s*:\s*(\d+)\s*([smhd])\s*$/.exec(part);
    if (!match || Number(match[2]) === 0)
      throw new ConfigError(
        `FANZHA_WARNING_DEADLINES must look like red:5m,orange:30m,yellow:24h, got "${raw}"`,
      );
    deadlines[match[1] as keyof WarningDeadlines] = Number(match[2]) * DURATION_UNITS[match[3]!]!;
  }
  return deadlines;
}

type Env = Record<string, string | undefined>;

export class ConfigError extends Error {}

function integer(env: Env, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new ConfigError(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return value;
}

function probability(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!(value >= 0 && value <= 1))
    throw new ConfigError(`${name} must be a number from 0 to 1, got "${raw}"`);
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

function name(env: Env, key: string, fallback: string, pattern: RegExp): string {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  if (!pattern.test(raw)) throw new ConfigError(`${key} must match ${pattern.source}, got "${raw}"`);
  return raw;
}

const defaultConsoleDir = resolve(new URL('../../console/dist', import.meta.url).pathname);

export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const databaseUrl = env.DATABASE_URL || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://`);
  }
  const natsUrl = env.NATS_URL || null;
  if (natsUrl && !/^(nats|tls|ws|wss):\/\//.test(natsUrl))
    throw new ConfigError('NATS_URL must start with nats://, tls://, ws:// or wss://');
  const provinceCode = env.FANZHA_PROVINCE ?? '32';
  if (!/^\d{2}$/.test(provinceCode))
    throw new ConfigError(`FANZHA_PROVINCE must be a two-digit GB/T 2260 code, got "${provinceCode}"`);
  return {
    port: integer(env, 'PORT', 8080),
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(env.FANZHA_DATA_DIR || './data'),
    databaseUrl,
    natsUrl,
    provinceCode,
    demo: flag(env, 'FANZHA_DEMO', false),
    logLevel: env.LOG_LEVEL || 'info',
    sessionHours: integer(env, 'FANZHA_SESSION_HOURS', 12, 1),
    secureCookies: flag(env, 'FANZHA_SECURE_COOKIES', false),
    loginMaxFailures: integer(env, 'FANZHA_LOGIN_MAX_FAILURES', 5, 1),
    loginWindowMinutes: integer(env, 'FANZHA_LOGIN_WINDOW_MINUTES', 15, 1),
    bodyLimit: integer(env, 'FANZHA_BODY_LIMIT', 10 * 1024 * 1024, 1024),
    smsMarkThreshold: probability(env, 'FANZHA_SMS_MARK_THRESHOLD', 0.5),
    smsBlockThreshold: probability(env, 'FANZHA_SMS_BLOCK_THRESHOLD', 0.9),
    importLimit: integer(env, 'FANZHA_IMPORT_LIMIT', 4 * 1024 ** 3, 1024),
    consoleDir: resolve(env.FANZHA_CONSOLE_DIR || defaultConsoleDir),
    trustProxy: flag(env, 'FANZHA_TRUST_PROXY', false),
    eventQueueSize: integer(env, 'FANZHA_EVENT_QUEUE', 50_000, 1),
    eventBatchSize: integer(env, 'FANZHA_EVENT_BATCH', 100, 1),
    eventMaxAttempts: integer(env, 'FANZHA_EVENT_MAX_ATTEMPTS', 5, 1),
    eventStreamName: name(env, 'FANZHA_EVENT_STREAM', 'FANZHA_EVENTS', /^[A-Za-z0-9_-]{1,64}$/),
    eventSubjectPrefix: name(env, 'FANZHA_EVENT_SUBJECTS', 'fanzha.events', /^[\w-]+(\.[\w-]+)*$/),
    eventConsumer: name(env, 'FANZHA_EVENT_CONSUMER', 'fanzha-correlation', /^[A-Za-z0-9_-]{1,64}$/),
    callerMarkThreshold: probability(env, 'FANZHA_CALLER_THRESHOLD', 0.7),
    cdrQueueSize: integer(env, 'FANZHA_CDR_QUEUE', 2_000, 1),
    cdrStreamName: name(env, 'FANZHA_CDR_STREAM', 'FANZHA_CDRS', /^[A-Za-z0-9_-]{1,64}$/),
    cdrSubjectPrefix: name(env, 'FANZHA_CDR_SUBJECTS', 'fanzha.cdrs', /^[\w-]+(\.[\w-]+)*$/),
    cdrConsumer: name(env, 'FANZHA_CDR_CONSUMER', 'fanzha-caller-behaviour', /^[A-Za-z0-9_-]{1,64}$/),
    warningDeadlines: parseWarningDeadlines(env.FANZHA_WARNING_DEADLINES),
    ...overrides,
  };
}
