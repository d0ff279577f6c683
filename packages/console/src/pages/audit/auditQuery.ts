import type { AuditQuery, AuditSort } from '../../api';
import { oneOf, positiveInt, text } from '../../hooks/useUrlQuery';

export type AuditUrlQuery = Required<Pick<AuditQuery, 'page' | 'pageSize' | 'sort'>> &
  Pick<AuditQuery, 'action' | 'actor' | 'unitCode' | 'from' | 'to'>;

const sorts: readonly AuditSort[] = ['-at', 'at'];

export function parseAuditQuery(params: URLSearchParams): AuditUrlQuery {
  return {
    page: positiveInt(params.get('page'), 1),
    pageSize: positiveInt(params.get('pageSize'), 20, 100),
    sort: oneOf(params.get('sort'), sorts) ?? '-at',
    action: text(params.get('action')),
    actor: text(params.get('actor')),
    unitCode: text(params.get('unitCode')),
    from: text(params.get('from')),
    to: text(params.get('to')),
  };
}

/** Actions the console has a label for; others are shown by their code. */
export const knownActions = [
  'auth.login',
  'auth.login_failed',
  'auth.login_blocked',
  'auth.logout',
  'user.create',
  'user.update',
  'personal_data.reveal',
  'apikey.create',
  'apikey.revoke',
  'intel.list_create',
  'intel.entries_add',
  'intel.entry_remove',
  'intel.import',
  'intel.export',
  'appeal.file',
  'appeal.decide',
] as const;
