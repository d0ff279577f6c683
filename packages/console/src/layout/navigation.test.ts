import { describe, expect, it } from 'vitest';
import { can } from '../auth/access';
import { navigationFor, pageForPath, type NavEntry } from './navigation';

const keysOf = (entries: NavEntry[]) =>
  entries.map((entry) =>
    'children' in entry ? `${entry.key}:[${entry.children.map((c) => c.key).join(',')}]` : entry.key,
  );

describe('navigationFor', () => {
  it('shows the intercept pages to the roles holding intel.read, and API keys to admins only', () => {
    expect(keysOf(navigationFor(['officer']))).toContain(
      'intercept:[intel.entries,intel.lists,intel.screen,intel.imports,intel.appeals,intel.domainWatch,intel.callerReview]',
    );
    expect(keysOf(navigationFor(['admin'])).at(-1)).toBe('system:[units,users,audit,apiKeys]');
    expect(keysOf(navigationFor(['analyst'])).at(-1)).toBe('system:[units]');
  });

  it('shows the warning queue, figures and rules to every role, the dead letters to admins and analysts', () => {
    expect(keysOf(navigationFor(['officer']))).toContain(
      'warnings:[warnings.queue,warnings.figures,warnings.rules]',
    );
    expect(keysOf(navigationFor(['analyst']))).toContain(
      'warnings:[warnings.queue,warnings.figures,warnings.rules,warnings.deadLetters]',
    );
    expect(pageForPath('/warnings/queue/w-123')?.key).toBe('warnings.queue');
  });

  it('shows the clue inbox, sent clues, figures and operations to every role', () => {
    for (const role of ['officer', 'analyst', 'admin', 'auditor'] as const)
      expect(keysOf(navigationFor([role]))).toContain(
        'clues:[clues.inbox,clues.outbox,clues.figures,operations]',
      );
    expect(pageForPath('/clues/XS320100202611000001')?.key).toBe('clues');
    expect(pageForPath('/clues/inbox')?.key).toBe('clues.inbox');
    expect(pageForPath('/operations/ZX32000020260001/board')?.key).toBe('operations');
  });

  it('shows the two-card pages and joint punishment to every role', () => {
    for (const role of ['officer', 'analyst', 'admin', 'auditor'] as const)
      expect(keysOf(navigationFor([role]))).toContain(
        'cards:[cards.list,cards.groups,cards.targets,cards.progress,punishment]',
      );
    expect(pageForPath('/cards/targets')?.key).toBe('cards.targets');
    expect(can('cards.dispatch', ['officer'])).toBe(false);
    expect(can('punishment.appeal', ['officer'])).toBe(true);
  });

  it('leaves the intercept group out for an auditor', () => {
    expect(keysOf(navigationFor(['auditor'])).some((key) => key.startsWith('intercept'))).toBe(false);
  });
});

describe('pageForPath', () => {
  it('highlights the deepest page of a path', () => {
    expect(pageForPath('/intercept/entries')?.key).toBe('intel.entries');
    expect(pageForPath('/system/api-keys')?.key).toBe('apiKeys');
    expect(pageForPath('/intercept')?.key).toBe('intercept');
    expect(pageForPath('/intercept/domain-watch')?.key).toBe('intel.domainWatch');
    expect(pageForPath('/intercept/caller-review')?.key).toBe('intel.callerReview');
  });
});

describe('can', () => {
  it('mirrors the platform: analysts write intel and decide appeals, officers file them', () => {
    expect(can('intel.write', ['analyst'])).toBe(true);
    expect(can('intel.write', ['officer', 'admin'])).toBe(false);
    expect(can('appeals.file', ['officer'])).toBe(true);
    expect(can('appeals.decide', ['officer'])).toBe(false);
    expect(can('screen.test', ['auditor'])).toBe(false);
  });
});
