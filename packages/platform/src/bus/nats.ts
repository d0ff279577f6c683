/** The NATS bus: every platform instance and screening node connected to the same server hears it. */
import { connect, JSONCodec, type NatsConnection } from 'nats';
import type { EventBus } from './types.js';

const codec = JSONCodec();

export class NatsBus implements EventBus {
  readonly kind = 'nats' as const;

  private constructor(private readonly connection: NatsConnection) {}

  static async connect(url: string, name = 'fanzha'): Promise<NatsBus> {
    try {
      return new NatsBus(
        await connect({ servers: url, name, maxReconnectAttempts: -1, reconnectTimeWait: 1_000 }),
      );
    } catch (error) {
      throw new Error(`cannot reach NATS at ${url}: ${(error as Error).message}`, { cause: error });
    }
  }

  async publish(subject: string, payload: unknown): Promise<void> {
    this.connection.publish(subject, codec.encode(payload ?? null));
  }

  async subscribe(subject: string, handler: (payload: unknown) => void): Promise<() => Promise<void>> {
    const subscription = this.connection.subscribe(subject, {
      callback: (error, message) => {
        if (!error) handler(codec.decode(message.data));
      },
    });
    await this.connection.flush();
    return async () => subscription.unsubscribe();
  }

  async close(): Promise<void> {
    await this.connection.drain();
  }
}
