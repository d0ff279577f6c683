import { useMemo } from 'react';
import { Badge, Card } from 'antd';
import { warningsApi } from '../../../api';
import { PageHeader } from '../../../components/PageHeader';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useRemote } from '../../../hooks/useRemote';
import { useUrlQuery } from '../../../hooks/useUrlQuery';
import { useT } from '../../../i18n';
import { useLiveWarnings } from '../live/useLiveWarnings';
import { useWarningStream, type StreamState } from '../live/WarningStreamProvider';
import { WarningFilters } from './WarningFilters';
import { WarningsTable } from './WarningsTable';
import { parseWarningsQuery, toApiQuery } from './warningsQuery';
import '../warnings.css';

const streamBadge: Record<StreamState, 'success' | 'processing' | 'warning' | 'default'> = {
  live: 'success',
  connecting: 'processing',
  reconnecting: 'warning',
  off: 'default',
};

/** 预警队列: the warnings of the caller's subtree, most urgent first, updated live from the stream. */
export function WarningsPage() {
  const t = useT();
  const [query, setQuery] = useUrlQuery(parseWarningsQuery);
  const warnings = useRemote(
    (signal) => warningsApi.find(toApiQuery(query), signal),
    [JSON.stringify(query)],
  );
  const { state } = useWarningStream();
  const { fresh, patched } = useLiveWarnings(warnings.reload);
  const page = useMemo(
    () =>
      warnings.data && {
        ...warnings.data,
        items: warnings.data.items.map((item) => {
          const newer = patched.get(item.id);
          return newer && newer.updatedAt > item.updatedAt ? { ...item, ...newer } : item;
        }),
      },
    [warnings.data, patched],
  );

  return (
    <>
      <PageHeader
        title={t('warnings.title')}
        subtitle={t('warnings.subtitle')}
        extra={<Badge status={streamBadge[state]} text={t(`warnings.stream.${state}`)} />}
      />
      {warnings.error !== null && <ProblemAlert error={warnings.error} onRetry={warnings.reload} />}
      <Card>
        <WarningFilters query={query} onChange={setQuery} />
        <WarningsTable
          page={page}
          loading={warnings.loading}
          query={query}
          onQueryChange={setQuery}
          fresh={fresh}
        />
      </Card>
    </>
  );
}
