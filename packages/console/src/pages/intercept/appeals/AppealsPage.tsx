import { useState } from 'react';
import { App, Card, Segmented } from 'antd';
import { appealsApi, appealStatuses, type Appeal } from '../../../api';
import { useCan } from '../../../auth';
import { PageHeader } from '../../../components/PageHeader';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useRemote } from '../../../hooks/useRemote';
import { useUrlQuery } from '../../../hooks/useUrlQuery';
import { useT } from '../../../i18n';
import { AppealDecideModal } from './AppealDecideModal';
import { AppealsTable } from './AppealsTable';
import { parseAppealsQuery, toApiQuery, type AppealsUrlQuery } from './appealsQuery';

type Decision = { appeal: Appeal; decision: 'approve' | 'reject' } | null;

/** 申诉: appeals against listed values; officers follow theirs, analysts decide. */
export function AppealsPage() {
  const t = useT();
  const { message } = App.useApp();
  const canDecide = useCan('appeals.decide');
  const [query, setQuery] = useUrlQuery(parseAppealsQuery);
  const appeals = useRemote((signal) => appealsApi.find(toApiQuery(query), signal), [JSON.stringify(query)]);
  const [deciding, setDeciding] = useState<Decision>(null);
  const statuses = [...appealStatuses, 'all'] as const;

  return (
    <>
      <PageHeader
        title={t('appeals.title')}
        subtitle={t(canDecide ? 'appeals.subtitleAnalyst' : 'appeals.subtitle')}
      />
      {appeals.error !== null && <ProblemAlert error={appeals.error} onRetry={appeals.reload} />}
      <Card>
        <Segmented<AppealsUrlQuery['status']>
          aria-label={t('appeals.col.status')}
          value={query.status}
          onChange={(status) => setQuery({ status, page: 1 })}
          options={statuses.map((status) => ({ value: status, label: t(`appeals.status.${status}`) }))}
          style={{ marginBottom: 12 }}
        />
        <AppealsTable
          page={appeals.data}
          loading={appeals.loading}
          query={query}
          onQueryChange={setQuery}
          onDecide={canDecide ? (appeal, decision) => setDeciding({ appeal, decision }) : undefined}
        />
      </Card>
      {deciding && (
        <AppealDecideModal
          appeal={deciding.appeal}
          decision={deciding.decision}
          onClose={() => setDeciding(null)}
          onDecided={(appeal) => {
            setDeciding(null);
            void message.success(t(appeal.status === 'approved' ? 'appeals.approved' : 'appeals.rejected'));
            appeals.reload();
          }}
        />
      )}
    </>
  );
}
