import { afterEach, describe, expect, it, vi } from 'vitest';
import { translator } from '../i18n/translate';
import { ApiProblem, buildUrl, request, setUnauthorizedHandler } from './client';
import { problemMessage } from './problemMessage';

function answer(status: number, body: unknown, contentType = 'application/problem+json') {
  return vi.fn(
    async () =>
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'content-type': contentType },
      }),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthorizedHandler(() => undefined);
});

describe('buildUrl', () => {
  it('leaves out empty values and encodes the rest', () => {
    expect(buildUrl('/api/v1/users', { page: 1, q: '玄武 区', role: undefined, unitCode: '' })).toBe(
      '/api/v1/users?page=1&q=%E7%8E%84%E6%AD%A6+%E5%8C%BA',
    );
    expect(buildUrl('/api/v1/units')).toBe('/api/v1/units');
  });
});

describe('request', () => {
  it('sends JSON with the session cookie and returns the body', async () => {
    const fetch = answer(200, { items: [] }, 'application/json');
    vi.stubGlobal('fetch', fetch);
    await expect(request('POST', '/api/v1/x', { body: { a: 1 } })).resolves.toEqual({ items: [] });
    expect(fetch).toHaveBeenCalledWith(
      '/api/v1/x',
      expect.objectContaining({
        method: 'POST',
        credentials: 'include',
        body: '{"a":1}',
      }),
    );
  });

  it('turns a problem answer into an ApiProblem with its code and field errors', async () => {
    vi.stubGlobal(
      'fetch',
      answer(400, {
        type: 'about:blank',
        title: 'The request is not valid',
        status: 400,
        code: 'validation_failed',
        errors: [{ field: '/username', message: 'too short' }],
      }),
    );
    const error = await request('POST', '/api/v1/users', { body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', errors: [{ field: '/username' }] });
  });

  it('reports a 401 to the auth layer unless the call expects it', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    vi.stubGlobal('fetch', answer(401, { title: 'Sign-in required', status: 401, code: 'unauthenticated' }));
    await expect(request('GET', '/api/v1/users')).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(onUnauthorized).toHaveBeenCalledOnce();
    await expect(request('GET', '/api/v1/auth/me', { redirectOn401: false })).rejects.toBeInstanceOf(
      ApiProblem,
    );
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('survives answers that are not JSON and network failures', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })),
    );
    await expect(request('GET', '/api/v1/units')).rejects.toMatchObject({
      code: 'http_502',
      title: 'Bad Gateway',
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(request('GET', '/api/v1/units')).rejects.toMatchObject({ code: 'network_error', status: 0 });
  });
});

describe('problemMessage', () => {
  const t = translator('zh-CN');

  it('says known codes in the console’s own words', () => {
    const problem = new ApiProblem({
      status: 401,
      code: 'invalid_credentials',
      title: 'Wrong username or password',
    });
    expect(problemMessage(t, problem)).toBe('用户名或密码错误');
    expect(problemMessage(t, new ApiProblem({ status: 429, code: 'too_many_attempts', title: 'x' }))).toBe(
      '登录尝试过多，请稍后再试',
    );
  });

  it('falls back to the problem title for codes it does not know', () => {
    expect(
      problemMessage(t, new ApiProblem({ status: 409, code: 'case_closed', title: 'The case is closed' })),
    ).toBe('The case is closed');
  });
});
