/**
 * The warnings of one platform process, started with the app: the org-tree and list caches, the
 * enrichment, the correlation (the events handler), the notifier and publisher, the escalation job,
 * the SMS gateway, the service behind the routes and the open streams.
 */
import type { Screener } from '@fanzha/engine';
import { INTEL_CHANGED } from '../../bus/index.js';
import type { Context } from '../../context.js';
import { CorrelationService } from './correlation.js';
import { ListFraudTypes, SignalEnricher } from './enrich.js';
import { WarningEscalator } from './escalation.js';
import { WarningNotifier } from './notifier.js';
import { WarningPublisher } from './publisher.js';
import { UnitDirectory } from './routing.js';
import { WarningService } from './service.js';
import { LoggingSmsGateway, type SmsGateway } from './sms-gateway.js';
import { WarningStreams } from './stream.js';

export interface WarningsOptions {
  /** The screener of this process (the in-process screening's follower). */
  screener: () => Screener;
  log?: { info(object: object, message: string): void; error(object: object, message: string): void };
  sms?: SmsGateway;
  /** How often overdue warnings are escalated; 0 disables the job (tests run it by hand). */
  escalationIntervalMs?: number;
  /** How often the list fraud types and the org tree are reloaded. */
  refreshIntervalMs?: number;
  heartbeatMs?: number;
}

export type WarningsRuntime = Awaited<ReturnType<typeof startWarnings>>;

export async function startWarnings(ctx: Context, options: WarningsOptions) {
  const onError = (error: unknown) => options.log?.error({ err: error }, 'warnings: background work failed');
  const units = new UnitDirectory(ctx.db);
  await units.refresh();
  const listFraudTypes = new ListFraudTypes(ctx.db);
  await listFraudTypes.refresh();
  const refresh = () => Promise.all([units.refresh(), listFraudTypes.refresh()]).catch(onError);
  const refreshTimer = setInterval(() => void refresh(), options.refreshIntervalMs ?? 10_000);
  refreshTimer.unref();
  const stopIntelSignal = await ctx.bus?.subscribe(
    INTEL_CHANGED,
    () => void listFraudTypes.refresh().catch(onError),
  );

  const enricher = new SignalEnricher({
    screener: options.screener,
    listFraudTypes,
    smsThresholds: { mark: ctx.config.smsMarkThreshold, block: ctx.config.smsBlockThreshold },
    now: () => ctx.clock.now().getTime(),
  });
  const notifier = new WarningNotifier(ctx.bus);
  await notifier.start();
  const publisher = new WarningPublisher(ctx.db, notifier, onError);
  const correlation = new CorrelationService(ctx, { enricher, units, publisher, bus: ctx.bus });
  await correlation.start();
  const escalator = new WarningEscalator(ctx, publisher, onError);
  if ((options.escalationIntervalMs ?? 15_000) > 0) escalator.start(options.escalationIntervalMs ?? 15_000);
  const sms = options.sms ?? new LoggingSmsGateway(options.log ?? null);
  const service = new WarningService(ctx, { units, publisher, sms });
  const streams = new WarningStreams(notifier, options.heartbeatMs ?? 15_000);

  return {
    units,
    listFraudTypes,
    enricher,
    notifier,
    publisher,
    correlation,
    escalator,
    sms,
    service,
    streams,
    /** The events module's handler. */
    handler: correlation.handle,
    /** Reloads the org tree and the lists' fraud types now (tests; they are reloaded periodically). */
    refresh,
    async stop() {
      clearInterval(refreshTimer);
      await stopIntelSignal?.();
      streams.closeAll();
      await escalator.stop();
      await correlation.stop();
      await publisher.idle();
      await notifier.stop();
    },
  };
}
