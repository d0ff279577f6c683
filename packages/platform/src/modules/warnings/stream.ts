/**
 * The live queue: server-sent events of the warnings of the caller's subtree, fed by the notifier
 * (the bus, so a change made on any instance reaches every stream). Each change is one `warning`
 * event whose data is the summary (phone masked) and the kind of change; a comment line every
 * `heartbeatMs` keeps proxies from closing an idle stream. Open streams end when the server stops.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OpenStreams, openSse } from '../../http/sse.js';
import type { Actor } from '../auth/index.js';
import type { WarningNotifier } from './notifier.js';

export interface StreamOptions {
  /** Close after this long (clients reconnect); 0: the opening comment only; null: never. */
  maxMs: number | null;
}

export class WarningStreams {
  private readonly open = new OpenStreams();

  constructor(
    private readonly notifier: WarningNotifier,
    private readonly heartbeatMs: number,
  ) {}

  get size(): number {
    return this.open.size;
  }

  serve(request: FastifyRequest, reply: FastifyReply, actor: Actor, options: StreamOptions): void {
    const stream = openSse(request, reply, {
      banner: 'fanzha warnings',
      heartbeatMs: this.heartbeatMs,
      maxMs: options.maxMs,
    });
    if (!stream) return;
    stream.onEnd(
      this.notifier.listen((change) => {
        if (!change.unitPath.startsWith(actor.unitPath)) return;
        stream.send('warning', { change: change.change, ...change.warning });
      }),
    );
    this.open.add(stream);
  }

  closeAll(): void {
    this.open.closeAll();
  }
}
