import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../test-support/index.js';

let sut: TestPlatform;
beforeAll(async () => {
  sut = await createTestPlatform({ config: { bodyLimit: 4096 } });
});
afterAll(() => sut.close());

describe('health, readiness and metrics', () => {
  it('GET /healthz answers while the process is up', async () => {
    const response = await sut.app.inject({ url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz reports the store reachable and migrated', async () => {
    const response = await sut.app.inject({ url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ready', checks: { store: 'ok', migrations: 'ok' } });
  });

  it('GET /metrics serves Prometheus text with request durations', async () => {
    await sut.app.inject({ url: '/healthz' });
    const response = await sut.app.inject({ url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.body).toContain('fanzha_http_request_duration_seconds_bucket');
    expect(response.body).toContain('fanzha_process_cpu_seconds_total');
  });
});

describe('OpenAPI', () => {
  it('serves an OpenAPI 3.1 document describing every API route', async () => {
    const response = await sut.app.inject({ url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const route of sut.app.routeTable) {
      if (route.url === '/api/v1/openapi.json') continue;
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path}`).toBeDefined();
    }
  });

  it('serves browsable docs', async () => {
    const response = await sut.app.inject({ url: '/api/v1/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('swagger');
  });
});

describe('errors are RFC 9457 problem details', () => {
  it('answers 413 payload_too_large for a body over the limit', async () => {
    const response = await sut.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'x'.repeat(5000), password: 'y' },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'payload_too_large', status: 413 });
  });

  it('answers 400 invalid_json for a broken body', async () => {
    const response = await sut.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "a", ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('invalid_json');
  });

  it('answers 415 for a body that is not JSON', async () => {
    const response = await sut.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'text/xml' },
      payload: '<login/>',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('unsupported_media_type');
  });

  it('answers 404 not_found for an unknown API path', async () => {
    const response = await sut.app.inject({ url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'not_found', instance: '/api/v1/nothing-here' });
  });

  it('echoes a sane x-request-id and makes one up otherwise', async () => {
    const echoed = await sut.app.inject({ url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(echoed.headers['x-request-id']).toBe('abc-123');
    const made = await sut.app.inject({ url: '/healthz', headers: { 'x-request-id': 'bad id\n' } });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
