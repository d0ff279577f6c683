/**
 * Reads an NDJSON request body line by line as it streams in: one item per non-empty line, parsed, or
 * an `UnreadableLine` where a line is not JSON (it is rejected in its place, not the whole request).
 * Answers 413 past `maxItems` lines or `maxBytes` bytes: the body is never buffered whole.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { AppError } from '../../errors.js';
import { UnreadableLine } from './wire.js';

export async function readNdjson(
  input: Readable,
  limits: { maxItems: number; maxBytes: number },
): Promise<unknown[]> {
  let bytes = 0;
  let tooLarge: AppError | null = null;
  const stop = (error: AppError) => {
    tooLarge ??= error;
    input.destroy();
  };
  input.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > limits.maxBytes)
      stop(new AppError('payload_too_large', `the body exceeds ${limits.maxBytes} bytes`));
  });
  const items: unknown[] = [];
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      const text = line.trim();
      if (!text) continue;
      if (items.length === limits.maxItems) {
        // Read on to the end (within maxBytes) so that the client gets the answer, not a reset.
        tooLarge ??= new AppError('payload_too_large', `at most ${limits.maxItems} events per request`);
        continue;
      }
      try {
        items.push(JSON.parse(text));
      } catch {
        items.push(new UnreadableLine(text));
      }
    }
  } catch (error) {
    if (!tooLarge) throw error;
  } finally {
    lines.close();
  }
  if (tooLarge) throw tooLarge;
  return items;
}
