import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Tabs } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import {
  candidateStatuses,
  domainWatchApi,
  type CandidateDecision,
  type DomainCandidate,
  type DomainWatchSubmitResult,
} from '../../../api';
import { useCan } from '../../../auth';
import { PageHeader } from '../../../components/PageHeader';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useRemote } from '../../../hooks/useRemote';
import { useUrlQuery } from '../../../hooks/useUrlQuery';
import { useT } from '../../../i18n';
import { useIntelLists } from '../useIntelLists';
import { useListWritable } from '../useListWritable';
import { CandidateDecideModal } from './CandidateDecideModal';
import { CandidatesTable } from './CandidatesTable';
import { isCandidateStatus, parseCandidatesQuery } from './candidatesQuery';
import { DomainSubmitModal } from './DomainSubmitModal';

type Dialog =
  { kind: 'submit' } | { kind: 'decide'; candidate: DomainCandidate; decision: CandidateDecision };

/** 新域名监测: suspected lookalikes from new-name feeds; analysts decide, others follow the queue. */
export function DomainWatchPage() {
  const t = useT();
  const { message } = App.useApp();
  const canDecide = useCan('intel.write');
  const isWritable = useListWritable();
  const [query, setQuery] = useUrlQuery(parseCandidatesQuery);
  const candidates = useRemote((signal) => domainWatchApi.candidates(query, signal), [JSON.stringify(query)]);
  const lists = useIntelLists();
  const blockLists = useMemo(
    () =>
      lists.data?.filter(
        (list) => list.kind === 'domain' && list.defaultAction !== 'allow' && isWritable(list),
      ),
    [lists.data, isWritable],
  );
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [submitted, setSubmitted] = useState<DomainWatchSubmitResult | null>(null);
  const close = () => setDialog(null);

  return (
    <>
      <PageHeader
        title={t('domainWatch.title')}
        subtitle={t(canDecide ? 'domainWatch.subtitleAnalyst' : 'domainWatch.subtitle')}
        extra={
          canDecide && (
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              onClick={() => setDialog({ kind: 'submit' })}
            >
              {t('domainWatch.submit')}
            </Button>
          )
        }
      />
      {submitted && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setSubmitted(null) }}
          role="status"
          title={t('domainWatch.result', { ...submitted })}
          style={{ marginBottom: 12 }}
        />
      )}
      {candidates.error !== null && <ProblemAlert error={candidates.error} onRetry={candidates.reload} />}
      <Card>
        <Tabs
          activeKey={query.status}
          onChange={(status) => {
            if (isCandidateStatus(status)) setQuery({ status, page: 1 });
          }}
          items={candidateStatuses.map((status) => ({
            key: status,
            label: t(`domainWatch.status.${status}`),
          }))}
        />
        <CandidatesTable
          page={candidates.data}
          loading={candidates.loading}
          query={query}
          listsByName={lists.byName}
          onQueryChange={setQuery}
          onDecide={
            canDecide
              ? (candidate, decision) => setDialog({ kind: 'decide', candidate, decision })
              : undefined
          }
        />
      </Card>
      {dialog?.kind === 'submit' && (
        <DomainSubmitModal
          onClose={close}
          onSubmitted={(result) => {
            close();
            setSubmitted(result);
            candidates.reload();
          }}
        />
      )}
      {dialog?.kind === 'decide' && (
        <CandidateDecideModal
          candidate={dialog.candidate}
          decision={dialog.decision}
          blockLists={blockLists}
          onClose={close}
          onDecided={(candidate, decision) => {
            close();
            void message.success(t(`domainWatch.decided.${decision}`, { name: candidate.name }));
            candidates.reload();
            if (decision !== 'dismiss') lists.reload();
          }}
        />
      )}
    </>
  );
}
