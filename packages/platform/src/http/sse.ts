/**
 * One server-sent-event response: the headers, an opening comment and the reconnection delay, a
 * heartbeat comment so proxies keep an idle stream open, numbered events, and one `end` that runs when
 * the client goes away, the time limit passes or the server stops. The live streams (warnings, the
 * 集中收网 board) decide what to send; this file only keeps the connection.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface SseOptions {
  /** The opening comment, e.g. `fanzha warnings`. */
  banner: string;
  heartbeatMs: number;
  /** Close after this long (clients reconnect); 0: the opening comment only; null: never. */
  maxMs: number | null;
}

export interface SseConnection {
  /** Sends one named event with the value as JSON. */
  send(event: string, data: unknown): void;
  /** Runs once when the stream ends, whatever ended it. */
  onEnd(cleanup: () => void): void;
  end(): void;
}

/** Opens the stream on the reply (hijacked); null when `maxMs` is 0 (the stream already ended). */
export function openSse(
  request: FastifyRequest,
  reply: FastifyReply,
  options: SseOptions,
): SseConnection | null {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': String(request.id),
  });
  raw.write(`: ${options.banner}\nretry: 3000\n\n`);
  if (options.maxMs === 0) {
    raw.end();
    return null;
  }
  let serial = 0;
  const cleanups: Array<() => void> = [];
  const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), options.heartbeatMs);
  const limit = options.maxMs === null ? undefined : setTimeout(() => end(), options.maxMs);
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    clearTimeout(limit);
    for (const cleanup of cleanups) cleanup();
    if (!raw.writableEnded) raw.end();
  };
  // The response closes when the client goes away (or after `end`).
  raw.on('close', end);
  return {
    send: (event, data) => {
      if (!ended) raw.write(`id: ${++serial}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    onEnd: (cleanup) => cleanups.push(cleanup),
    end,
  };
}

/** The streams a module has open, to end them all when the server stops (its preClose). */
export class OpenStreams {
  private readonly open = new Set<SseConnection>();

  get size(): number {
    return this.open.size;
  }

  add(connection: SseConnection): void {
    this.open.add(connection);
    connection.onEnd(() => this.open.delete(connection));
  }

  closeAll(): void {
    for (const connection of [...this.open]) connection.end();
  }
}
