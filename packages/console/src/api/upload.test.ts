import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProblem, setUnauthorizedHandler } from './client';
import { upload, type UploadProgress } from './upload';

/** Just enough of XMLHttpRequest: records the request, lets the test report progress and answer. */
class FakeXhr {
  static last: FakeXhr;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown;
  withCredentials = false;
  status = 0;
  statusText = '';
  responseText = '';
  aborted = false;
  upload: {
    onprogress: ((event: { loaded: number; total: number; lengthComputable: boolean }) => void) | null;
  } = {
    onprogress: null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthorizedHandler(() => undefined);
});

const file = new Blob(['value\n13812345678\n'], { type: 'text/csv' });

describe('upload', () => {
  it('posts the raw file with its content type and the cookie, and reports bytes sent', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const progress: UploadProgress[] = [];
    const done = upload<{ id: string }>('/api/v1/intel/imports', file, {
      query: { list: 'case-numbers', format: 'csv' },
      contentType: 'text/csv',
      onProgress: (p) => progress.push(p),
    });
    const xhr = FakeXhr.last;
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/v1/intel/imports?list=case-numbers&format=csv');
    expect(xhr.headers['content-type']).toBe('text/csv');
    expect(xhr.withCredentials).toBe(true);
    expect(xhr.body).toBe(file);
    xhr.upload.onprogress?.({ loaded: 5, total: 19, lengthComputable: true });
    xhr.upload.onprogress?.({ loaded: 19, total: 0, lengthComputable: false });
    xhr.answer(202, { id: 'job-1' });
    await expect(done).resolves.toEqual({ id: 'job-1' });
    expect(progress).toEqual([
      { loaded: 5, total: 19 },
      { loaded: 19, total: null },
    ]);
  });

  it('turns a problem answer into an ApiProblem and a 401 into the sign-in handler', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const signedOut = vi.fn();
    setUnauthorizedHandler(signedOut);
    const refused = upload('/x', file, { contentType: 'text/csv' });
    FakeXhr.last.answer(403, { code: 'forbidden', title: 'Forbidden', status: 403 });
    await expect(refused).rejects.toMatchObject({ status: 403, code: 'forbidden' });
    expect(signedOut).not.toHaveBeenCalled();

    const expired = upload('/x', file, { contentType: 'text/csv' });
    FakeXhr.last.answer(401, { code: 'unauthenticated', title: 'Sign in', status: 401 });
    await expect(expired).rejects.toBeInstanceOf(ApiProblem);
    expect(signedOut).toHaveBeenCalledOnce();
  });

  it('cancels on abort, and reports a network failure as network_error', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const controller = new AbortController();
    const cancelled = upload('/x', file, { contentType: 'text/csv', signal: controller.signal });
    controller.abort();
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    expect(FakeXhr.last.aborted).toBe(true);

    const broken = upload('/x', file, { contentType: 'text/csv' });
    FakeXhr.last.onerror?.();
    await expect(broken).rejects.toMatchObject({ code: 'network_error' });
  });
});
