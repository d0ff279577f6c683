/**
 * Before the day starts: the simulated analysts put the gangs' known numbers, domains and accounts on
 * three lists of their own (through the intel API, as the analyst user), then wait until screening
 * answers with the new entries.
 */
import { FRAUD_TYPE_LABELS } from '@fanzha/engine';
import type { EntrySpec, ListSpec, PlatformClient, ScreenItem } from './client.js';
import type { Gang } from './model.js';

export const SIM_LISTS = {
  numbers: { name: 'sim-gang-numbers', title: '模拟团伙涉诈号码', kind: 'number', defaultAction: 'block' },
  domains: { name: 'sim-gang-domains', title: '模拟团伙涉诈域名', kind: 'domain', defaultAction: 'block' },
  accounts: { name: 'sim-gang-accounts', title: '模拟团伙涉案账户', kind: 'account', defaultAction: 'block' },
} as const satisfies Record<string, ListSpec>;

export async function listGangAssets(
  client: PlatformClient,
  gangs: readonly Gang[],
  log: (message: string) => void,
): Promise<void> {
  const entries = (pick: (gang: Gang) => Gang['numbers'], accountKind?: string): EntrySpec[] =>
    gangs.flatMap((gang) =>
      pick(gang)
        .filter((asset) => asset.listed)
        .map((asset) => ({
          value: asset.value,
          ...(accountKind ? { accountKind } : {}),
          reason: `${FRAUD_TYPE_LABELS[gang.fraudType]}团伙（模拟 ${gang.id}）`,
          sourceId: `SIM-${gang.id}`,
        })),
    );
  try {
    for (const list of Object.values(SIM_LISTS)) await client.ensureList(list);
    await client.addEntries(
      SIM_LISTS.numbers.name,
      entries((gang) => gang.numbers),
    );
    await client.addEntries(
      SIM_LISTS.domains.name,
      entries((gang) => gang.domains),
    );
    await client.addEntries(
      SIM_LISTS.accounts.name,
      entries((gang) => gang.accounts, 'bank_card'),
    );
  } catch (error) {
    log(`the gangs' assets could not be listed (${(error as Error).message}); only the existing lists apply`);
    return;
  }
  const probe = gangs.flatMap((gang) => gang.numbers).find((asset) => asset.listed);
  if (probe && !(await untilBlocked(client, { kind: 'number', value: probe.value })))
    log('screening did not answer with the new list entries within 10 s; going on');
}

/** Screening picks up list changes asynchronously (a bus signal, then a sync): waits up to 10 s for it. */
export async function untilBlocked(client: PlatformClient, item: ScreenItem): Promise<boolean> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const [action] = await client.screen([item]);
    if (action === 'block') return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
