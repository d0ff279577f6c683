import { Card } from 'antd';
import { auditApi } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useRemote } from '../../hooks/useRemote';
import { useUrlQuery } from '../../hooks/useUrlQuery';
import { useT } from '../../i18n';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { parseAuditQuery } from './auditQuery';

/** 审计日志 (auditor, admin): who did what, when, from where, in the caller's subtree. */
export function AuditPage() {
  const t = useT();
  const [query, setQuery] = useUrlQuery(parseAuditQuery);
  const entries = useRemote((signal) => auditApi.find(query, signal), [JSON.stringify(query)]);
  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      {entries.error !== null && <ProblemAlert error={entries.error} onRetry={entries.reload} />}
      <Card>
        <AuditFilters query={query} onChange={setQuery} />
        <AuditTable page={entries.data} loading={entries.loading} query={query} onQueryChange={setQuery} />
      </Card>
    </>
  );
}
