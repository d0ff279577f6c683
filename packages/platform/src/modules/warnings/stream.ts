/**
 * The live queue: server-sent events of the warnings of the caller's subtree, fed by the notifier
 * (the bus, so a change made on any instance reaches every stream). Each change is one `warning`
 * event whose data is the summary (phone masked) and the kind of change; a comment line every
 * `heartbeatMs` keeps proxies from closing an idle stream. Open streams end when the server stops.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/index.js';
import type { WarningNotifier } from './notifier.js';

export interface StreamOptions {
  /** Close after this long (clients reconnect); 0: the opening comment only; null: never. */
  maxMs: number | null;
}

export class WarningStreams {
  private readonly open = new Set<() => void>();

  constructor(
    private readonly notifier: WarningNotifier,
    private readonly heartbeatMs: number,
  ) {}

  get size(): number {
    return this.open.size;
  }

  serve(request: FastifyRequest, reply: FastifyReply, actor: Actor, options: StreamOptions): void {
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-request-id': String(request.id),
    });
    raw.write(`: fanzha warnings\nretry: 3000\n\n`);
    if (options.maxMs === 0) {
      raw.end();
      return;
    }
    let serial = 0;
    const stopListening = this.notifier.listen((change) => {
      if (!change.unitPath.startsWith(actor.unitPath)) return;
      const data = JSON.stringify({ change: change.change, ...change.warning });
      raw.write(`id: ${++serial}\nevent: warning\ndata: ${data}\n\n`);
    });
    const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), this.heartbeatMs);
    const limit = options.maxMs === null ? undefined : setTimeout(() => end(), options.maxMs);
    const end = () => {
      stopListening();
      clearInterval(heartbeat);
      clearTimeout(limit);
      this.open.delete(end);
      if (!raw.writableEnded) raw.end();
    };
    this.open.add(end);
    // The response closes when the client goes away (or after `end`).
    raw.on('close', end);
  }

  closeAll(): void {
    for (const end of [...this.open]) end();
  }
}
