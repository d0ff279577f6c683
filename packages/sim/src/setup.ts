/**
 * Before the day starts: the simulated analysts put the gangs' known numbers, domains and accounts on
 * lists of their own (through the intel API, as the analyst user), then wait until screening
 * answers with the new entries.
 */
import { FRAUD_TYPE_LABELS, FRAUD_TYPES, type FraudType } from '@fanzha/engine';
import type { EntrySpec, ListSpec, PlatformClient, ScreenItem } from './client.js';
import type { Gang, GangAsset } from './model.js';

/** One number list per fraud type (so that the platform labels signals from the list), one of domains, one of accounts. */
export function numberListOf(fraudType: FraudType): ListSpec {
  return {
    name: `sim-${fraudType.replace(/_/g, '-')}-numbers`,
    title: `${FRAUD_TYPE_LABELS[fraudType]}团伙号码（模拟）`,
    kind: 'number',
    defaultAction: 'block',
    fraudType,
  };
}

export const SIM_LISTS = {
  domains: {
    name: 'sim-gang-domains',
    title: '团伙涉诈域名（模拟）',
    kind: 'domain',
    defaultAction: 'block',
  },
  accounts: {
    name: 'sim-gang-accounts',
    title: '团伙涉案账户（模拟）',
    kind: 'account',
    defaultAction: 'block',
  },
} as const satisfies Record<string, ListSpec>;

/**
 * Lists the gangs' known assets. Answers whether the platform keeps the lists' fraud types; when it
 * does not, partners name the fraud type in their events' evidence instead.
 */
export async function listGangAssets(
  client: PlatformClient,
  gangs: readonly Gang[],
  log: (message: string) => void,
): Promise<{ listsKeepFraudTypes: boolean }> {
  const entries = (gang: Gang, assets: readonly GangAsset[], accountKind?: string): EntrySpec[] =>
    assets
      .filter((asset) => asset.listed)
      .map((asset) => ({
        value: asset.value,
        ...(accountKind ? { accountKind } : {}),
        reason: `${FRAUD_TYPE_LABELS[gang.fraudType]}团伙（模拟 ${gang.id}）`,
        sourceId: `SIM-${gang.id}`,
      }));
  let listsKeepFraudTypes = true;
  try {
    for (const fraudType of FRAUD_TYPES) {
      const list = numberListOf(fraudType);
      if (!(await client.ensureList(list))) listsKeepFraudTypes = false;
      const typed = gangs.filter((gang) => gang.fraudType === fraudType);
      await client.addEntries(
        list.name,
        typed.flatMap((gang) => entries(gang, gang.numbers)),
      );
    }
    for (const list of Object.values(SIM_LISTS)) await client.ensureList(list);
    await client.addEntries(
      SIM_LISTS.domains.name,
      gangs.flatMap((gang) => entries(gang, gang.domains)),
    );
    await client.addEntries(
      SIM_LISTS.accounts.name,
      gangs.flatMap((gang) => entries(gang, gang.accounts, 'bank_card')),
    );
  } catch (error) {
    log(`the gangs' assets could not be listed (${(error as Error).message}); only the existing lists apply`);
    return { listsKeepFraudTypes: false };
  }
  const probe = gangs.flatMap((gang) => gang.numbers).find((asset) => asset.listed);
  if (probe && !(await untilBlocked(client, { kind: 'number', value: probe.value })))
    log('screening did not answer with the new list entries within 10 s; going on');
  return { listsKeepFraudTypes };
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
