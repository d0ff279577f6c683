/** Reading a server-sent-event stream in tests: open it with a session cookie, take its events one by one. */

export interface SseEvent<T = Record<string, unknown>> {
  event: string;
  data: T;
}

export interface SseReader<T> {
  status: number;
  contentType: string | null;
  /** The next event with a name (comments and heartbeats skipped); rejects with 'the stream ended'. */
  next(): Promise<SseEvent<T>>;
  close(): Promise<void>;
}

export async function openSse<T = Record<string, unknown>>(
  url: string,
  cookie: string,
): Promise<SseReader<T>> {
  const response = await fetch(url, { headers: { cookie } });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    async next() {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = Object.fromEntries(
            block
              .split('\n')
              .filter((line) => !line.startsWith(':'))
              .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
          );
          if (fields.event) return { event: fields.event, data: JSON.parse(fields.data) as T };
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    },
    close: () => reader.cancel(),
  };
}
