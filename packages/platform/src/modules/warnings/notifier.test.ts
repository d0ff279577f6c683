import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InProcessBus, NatsBus, type EventBus } from '../../bus/index.js';
import { WarningNotifier, type WarningChange } from './notifier.js';

const natsUrl = process.env.NATS_URL;

const change = (unitPath: string): WarningChange => ({
  change: 'created',
  unitPath,
  warning: {
    id: randomUUID(),
    level: 'red',
    status: 'open',
    fraudType: 'fake_police',
    phoneMasked: '+86138****5678',
    unitCode: '320102',
    unitName: '玄武区',
    routedBy: 'residence',
    ruleIds: ['police-call-then-listed-web'],
    deadlineAt: '2026-11-26T00:05:00.000Z',
    escalated: false,
    escalatedTo: null,
    createdAt: '2026-11-26T00:00:00.000Z',
    updatedAt: '2026-11-26T00:00:00.000Z',
    firstContactAt: null,
    outcome: null,
    amount: null,
    attemptCount: 0,
  },
});

/** One instance publishes; the other instance's listener hears it (only the ids this test sent). */
async function crossInstance(busA: EventBus, busB: EventBus) {
  const a = new WarningNotifier(busA);
  const b = new WarningNotifier(busB);
  await a.start();
  await b.start();
  const sent = [change('320000/320100/320102/'), change('320000/320100/')];
  const ids = new Set(sent.map((c) => c.warning.id));
  const heard: WarningChange[] = [];
  b.listen((c) => ids.has(c.warning.id) && heard.push(c));
  await a.publish(sent);
  await expect.poll(() => heard.length).toBe(2);
  await a.stop();
  await b.stop();
  return heard;
}

describe('WarningNotifier', () => {
  it('hands every published change to the listeners of the instance, through its bus', async () => {
    const bus = new InProcessBus();
    const heard = await crossInstance(bus, bus);
    expect(heard.map((c) => c.unitPath)).toEqual(['320000/320100/320102/', '320000/320100/']);
    await bus.close();
  });
});

describe.runIf(natsUrl)('WarningNotifier on NATS', () => {
  it('carries a change made on one platform instance to the streams of another', async () => {
    const a = await NatsBus.connect(natsUrl!, 'warnings-test-a');
    const b = await NatsBus.connect(natsUrl!, 'warnings-test-b');
    const heard = await crossInstance(a, b);
    expect(heard[0]).toMatchObject({
      change: 'created',
      warning: { unitCode: '320102', phoneMasked: '+86138****5678' },
    });
    await a.close();
    await b.close();
  });
});
