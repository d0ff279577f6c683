import type { Context } from '../../context.js';
import { requireActor } from '../../http/access.js';
import { Problem, errorResponses } from '../../http/schemas.js';
import type { App } from '../../http/types.js';
import { runBacktest } from './backtest.js';
import { warningFigures } from './figures.js';
import { listRules, putRule } from './rules.js';
import type { WarningsRuntime } from './runtime.js';
import {
  AttemptBody,
  BacktestBody,
  BacktestResultSchema,
  FiguresQuerySchema,
  RuleList,
  RuleParams,
  RulePutBody,
  RuleVersion,
  StreamQuery,
  TransferBody,
  WarningDetailSchema,
  WarningFiguresSchema,
  WarningIdParams,
  WarningPage,
  WarningQuery,
} from './schemas.js';

export function warningRoutes(ctx: Context, runtime: WarningsRuntime) {
  const { service } = runtime;
  return async (app: App) => {
    app.get(
      '/api/v1/warnings',
      {
        config: { access: { permission: 'warnings.read' } },
        schema: {
          tags: ['warnings'],
          summary: 'The warnings of the caller’s subtree, by level then deadline; phones masked',
          querystring: WarningQuery,
          response: { 200: WarningPage, ...errorResponses },
        },
      },
      async (request) => service.list(requireActor(request), request.query),
    );

    app.get(
      '/api/v1/warnings/stream',
      {
        config: { access: { permission: 'warnings.read' } },
        schema: {
          tags: ['warnings'],
          summary:
            'Server-sent events: `warning` (a created or changed warning’s summary) for the caller’s subtree',
          querystring: StreamQuery,
          produces: ['text/event-stream'],
        },
      },
      async (request, reply) => {
        const { maxSeconds } = request.query;
        runtime.streams.serve(request, reply, requireActor(request), {
          maxMs: maxSeconds === undefined ? null : maxSeconds * 1000,
        });
      },
    );

    app.get(
      '/api/v1/warnings/figures',
      {
        config: { access: { permission: 'warnings.read' } },
        schema: {
          tags: ['warnings'],
          summary:
            'Issued by level and unit, handled in time, dissuaded, loss avoided, false-alarm rate per rule',
          querystring: FiguresQuerySchema,
          response: { 200: WarningFiguresSchema, ...errorResponses },
        },
      },
      async (request) =>
        warningFigures(ctx, runtime.units, requireActor(request), request.query, (id) =>
          runtime.correlation.ruleName(id),
        ),
    );

    app.get(
      '/api/v1/warnings/:id',
      {
        config: { access: { permission: 'warnings.read' } },
        schema: {
          tags: ['warnings'],
          summary: 'One warning in full, with its timeline and attempts (the read is audited)',
          params: WarningIdParams,
          response: { 200: WarningDetailSchema, ...errorResponses },
        },
      },
      async (request) => service.get(requireActor(request), request.params.id, request.ip),
    );

    app.post(
      '/api/v1/warnings/:id/attempts',
      {
        config: { access: { permission: 'warnings.work' } },
        schema: {
          tags: ['warnings'],
          summary: 'Record an attempt to reach the person (call, flash SMS, visit) and its outcome',
          params: WarningIdParams,
          body: AttemptBody,
          response: { 200: WarningDetailSchema, 409: Problem, ...errorResponses },
        },
      },
      async (request) =>
        service.recordAttempt(requireActor(request), request.params.id, request.body, request.ip),
    );

    app.post(
      '/api/v1/warnings/:id/transfer',
      {
        config: { access: { permission: 'warnings.work' } },
        schema: {
          tags: ['warnings'],
          summary: 'Transfer a warning to a unit of the caller’s subtree, or to the province’s queue',
          params: WarningIdParams,
          body: TransferBody,
          response: { 200: WarningDetailSchema, 409: Problem, ...errorResponses },
        },
      },
      async (request) => service.transfer(requireActor(request), request.params.id, request.body, request.ip),
    );

    app.get(
      '/api/v1/warning-rules',
      {
        config: { access: { permission: 'warnings.read' } },
        schema: {
          tags: ['warnings'],
          summary: 'The correlation rules, each with every version (newest first)',
          response: { 200: RuleList, ...errorResponses },
        },
      },
      async (request) => listRules(ctx, requireActor(request)),
    );

    app.put(
      '/api/v1/warning-rules/:id',
      {
        config: { access: { permission: 'rules.manage' } },
        schema: {
          tags: ['warnings'],
          summary: 'A new version of a rule (the provincial center’s analysts); it goes live at once',
          params: RuleParams,
          body: RulePutBody,
          response: { 200: RuleVersion, ...errorResponses },
        },
      },
      async (request) => {
        const rule = await putRule(
          ctx,
          requireActor(request),
          request.params.id,
          request.body as Record<string, unknown>,
        );
        await runtime.correlation.announceRulesChanged();
        return rule;
      },
    );

    app.post(
      '/api/v1/warning-rules/backtest',
      {
        config: { access: { permission: 'rules.manage' } },
        schema: {
          tags: ['warnings'],
          summary:
            'Run rules over the stored events of a period: warnings they would raise (per rule), victims caught',
          body: BacktestBody,
          response: { 200: BacktestResultSchema, ...errorResponses },
        },
      },
      async (request) => runBacktest(ctx, runtime.enricher, requireActor(request), request.body),
    );
  };
}
