/**
 * Helper of warnings.bench.ts (not a benchmark): a partner sending events at a steady rate, and an
 * officer watching the live queue, in a process of its own so that neither takes the server's thread.
 *
 * Every 20 ms it POSTs one batch to /api/v1/events (RATE / 50 events): ordinary calls and visits of
 * persons nobody lists, and now and then a red scenario (a listed fake-police call, then, a few
 * batches later, a visit to a listed domain). With BENCH_WATCH=1 it reads /api/v1/warnings/stream and
 * times each scenario from the POST that carried its completing event to its `warning` (created)
 * event. Prints one JSON line: the POST latencies and, when watching, the warning latencies.
 *
 * Env: BENCH_URL, BENCH_KEY (scope events), BENCH_COOKIE (a session with warnings.read),
 * BENCH_RATE (events/s), BENCH_SECONDS, BENCH_WATCH, BENCH_NUMBERS and BENCH_DOMAINS (listed values,
 * comma-separated).
 */
const url = process.env.BENCH_URL!;
const key = process.env.BENCH_KEY!;
const cookie = process.env.BENCH_COOKIE ?? '';
const ratePerSecond = Number(process.env.BENCH_RATE ?? 5000);
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const watch = process.env.BENCH_WATCH === '1';
const listedNumbers = (process.env.BENCH_NUMBERS ?? '').split(',');
const listedDomains = (process.env.BENCH_DOMAINS ?? '').split(',');

const TICK_MS = 20;
const perBatch = Math.round((ratePerSecond * TICK_MS) / 1000);
/** One scenario (two events) per this many ordinary events. */
const SCENARIO_EVERY = 100;
/** Batches between a scenario's call and its visit. */
const VISIT_AFTER = 5;

let serial = 0;
let random = 0x2f6b;
const next = () => {
  random = (Math.imul(random, 1103515245) + 12345) >>> 0;
  return random;
};
const digits = (n: number) => String(next() % 10 ** n).padStart(n, '0');
const pick = <T>(items: readonly T[]) => items[next() % items.length]!;

function ordinary(at: string): object {
  const phone = `+86137${digits(8)}`;
  return next() % 3 === 0
    ? {
        id: `bench-${++serial}`,
        kind: 'web',
        at,
        phone,
        evidence: { domain: `shop-${digits(4)}.example.com` },
      }
    : {
        id: `bench-${++serial}`,
        kind: 'call',
        at,
        phone,
        evidence: { number: `+86158${digits(8)}`, durationSeconds: 60 },
      };
}

/** Scenario persons: +86139 0000 NNNN, unique by the digits their masked form shows (+86139****NNNN). */
let scenarios = 0;
const pendingVisits: Array<{ dueBatch: number; phone: string }> = [];
/** When the POST carrying each scenario's completing visit was sent, by masked phone. */
const completingSentAt = new Map<string, number>();
const warningLatencies: number[] = [];
const postLatencies: number[] = [];
let rejected = 0;
let failed = 0;

const masked = (phone: string) => `${phone.slice(0, 6)}****${phone.slice(-4)}`;

async function watchStream(signal: AbortSignal): Promise<void> {
  const response = await fetch(`${url}/api/v1/warnings/stream`, { headers: { cookie }, signal });
  if (response.status !== 200) throw new Error(`stream answered ${response.status}`);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split('\n').find((line) => line.startsWith('data: '));
      if (!data || !block.includes('event: warning')) continue;
      const warning = JSON.parse(data.slice(6)) as { change: string; phoneMasked: string };
      const sentAt = completingSentAt.get(warning.phoneMasked);
      if (warning.change === 'created' && sentAt !== undefined) {
        warningLatencies.push(performance.now() - sentAt);
        completingSentAt.delete(warning.phoneMasked);
      }
    }
  }
}

async function post(batch: object[], sentAt: number, completing: string[]): Promise<void> {
  for (const phone of completing) completingSentAt.set(masked(phone), sentAt);
  try {
    const response = await fetch(`${url}/api/v1/events`, {
      method: 'POST',
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
      body: JSON.stringify(batch),
    });
    const body = (await response.json()) as { rejected?: unknown[] };
    if (response.status !== 202) failed += batch.length;
    rejected += body.rejected?.length ?? 0;
    postLatencies.push(performance.now() - sentAt);
  } catch {
    failed += batch.length;
  }
}

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

async function main(): Promise<void> {
  const abort = new AbortController();
  const watching = watch ? watchStream(abort.signal).catch(() => undefined) : Promise.resolve();
  if (watch) await new Promise((resolve) => setTimeout(resolve, 200));
  const batches = Math.round((seconds * 1000) / TICK_MS);
  const started = performance.now();
  const posts: Promise<void>[] = [];
  let sinceScenario = 0;
  for (let b = 0; b < batches; b++) {
    // Pace by the clock, not by the answers: the load does not ease off when the server is slow.
    const due = started + b * TICK_MS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const at = new Date().toISOString();
    const batch: object[] = [];
    const completing: string[] = [];
    while (pendingVisits.length && pendingVisits[0]!.dueBatch <= b) {
      const { phone } = pendingVisits.shift()!;
      batch.push({
        id: `bench-${++serial}`,
        kind: 'web',
        at,
        phone,
        evidence: { domain: pick(listedDomains) },
      });
      completing.push(phone);
    }
    while (batch.length < perBatch) {
      if (++sinceScenario >= SCENARIO_EVERY && b + VISIT_AFTER < batches) {
        sinceScenario = 0;
        const phone = `+861390000${String(scenarios++ % 10_000).padStart(4, '0')}`;
        batch.push({
          id: `bench-${++serial}`,
          kind: 'call',
          at,
          phone,
          evidence: { number: pick(listedNumbers), durationSeconds: 120 },
        });
        pendingVisits.push({ dueBatch: b + VISIT_AFTER, phone });
      } else batch.push(ordinary(at));
    }
    posts.push(post(batch, performance.now(), completing));
  }
  await Promise.all(posts);
  const elapsed = (performance.now() - started) / 1000;
  // Let the last warnings arrive (at most 10 s), then stop watching.
  for (let waited = 0; watch && completingSentAt.size > 0 && waited < 10_000; waited += 100)
    await new Promise((resolve) => setTimeout(resolve, 100));
  abort.abort();
  await watching;
  console.log(
    JSON.stringify({
      events: serial,
      eventsPerSecond: serial / elapsed,
      rejected,
      failed,
      postP50: percentile(postLatencies, 50),
      postP99: percentile(postLatencies, 99),
      scenarios,
      warnings: warningLatencies.length,
      missing: watch ? completingSentAt.size : null,
      warningP50: percentile(warningLatencies, 50),
      warningP99: percentile(warningLatencies, 99),
    }),
  );
}

await main();
