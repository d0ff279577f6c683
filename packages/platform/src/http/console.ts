/**
 * Serves the built console (packages/console/dist) with a single-page-app fallback: any GET that is
 * not an API path and not a file answers index.html, so deep links like /system/users work on reload.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendProblem } from './problem.js';

export async function registerConsole(app: FastifyInstance, consoleDir: string): Promise<void> {
  const hasConsole = existsSync(join(consoleDir, 'index.html'));
  if (hasConsole) {
    await app.register(fastifyStatic, {
      root: consoleDir,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/api/') || request.method !== 'GET' || !hasConsole || /\.[a-z0-9]+$/i.test(path)) {
      return sendProblem(reply, 'not_found', `no route ${request.method} ${path}`);
    }
    return reply.type('text/html').sendFile('index.html');
  });
}
