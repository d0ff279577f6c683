/**
 * The 集中收网 board's live feed: server-sent events of the steps of an operation's clues (dispatch,
 * sign, feedback, transfer, return), fed from the clues' change signals on the bus (modules/clues
 * `CLUES_CHANGED`), so a step taken on any platform instance reaches every open board. One `clue`
 * event per step: the clue, the unit holding it and the hop (who, what, from where to where). A comment
 * line every `heartbeatMs` keeps proxies from closing an idle stream; open streams end when the server
 * stops (preClose). The route checks that the caller sees the operation before a stream opens.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Context } from '../../context.js';
import { OpenStreams, openSse } from '../../http/sse.js';
import { CLUES_CHANGED, clueBus, type ClueChange } from '../clues/index.js';

export interface BoardStreamOptions {
  /** Close after this long (clients reconnect); 0: the opening comment only; null: never. */
  maxMs: number | null;
}

type Listener = (change: ClueChange) => void;

const isChange = (payload: unknown): payload is ClueChange =>
  !!payload &&
  typeof payload === 'object' &&
  typeof (payload as ClueChange).clueId === 'string' &&
  !!(payload as ClueChange).hop;

export class OperationStreams {
  private readonly listeners = new Set<Listener>();
  private readonly open = new OpenStreams();
  private unsubscribe: (() => Promise<void>) | undefined;

  constructor(
    private readonly ctx: Context,
    private readonly heartbeatMs = 15_000,
  ) {}

  get size(): number {
    return this.open.size;
  }

  async start(): Promise<void> {
    this.unsubscribe ??= await clueBus(this.ctx).subscribe(CLUES_CHANGED, (payload) => {
      if (!isChange(payload)) return;
      for (const listener of this.listeners) listener(payload);
    });
  }

  serve(
    request: FastifyRequest,
    reply: FastifyReply,
    operationId: string,
    options: BoardStreamOptions,
  ): void {
    const stream = openSse(request, reply, {
      banner: `fanzha operation ${operationId}`,
      heartbeatMs: this.heartbeatMs,
      maxMs: options.maxMs,
    });
    if (!stream) return;
    const listener: Listener = (change) => {
      if (change.operationId !== operationId) return;
      const { hop, ...clue } = change;
      stream.send('clue', { ...clue, ...hop });
    };
    this.listeners.add(listener);
    stream.onEnd(() => this.listeners.delete(listener));
    this.open.add(stream);
  }

  closeAll(): void {
    this.open.closeAll();
  }

  async stop(): Promise<void> {
    this.closeAll();
    await this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
