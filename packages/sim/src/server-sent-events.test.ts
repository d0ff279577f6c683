import { describe, expect, it } from 'vitest';
import { readServerSentEvents } from './server-sent-events.js';

function streamOf(chunks: string[]): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Response(body);
}

describe('readServerSentEvents', () => {
  it('reads named events split across chunks and skips comments', async () => {
    const seen: Array<[string, string]> = [];
    await readServerSentEvents(
      streamOf([
        ': fanzha warnings\nretry: 3000\n\nid: 1\nevent: warn',
        'ing\ndata: {"id":"a"}\n\n: heartbeat\n\n',
        'data: x\n\n',
      ]),
      (event, data) => seen.push([event, data]),
    );
    expect(seen).toEqual([
      ['warning', '{"id":"a"}'],
      ['message', 'x'],
    ]);
  });
});
