import { Card, Flex } from 'antd';
import { importsApi } from '../../../api';
import { useCan } from '../../../auth';
import { PageHeader } from '../../../components/PageHeader';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useRemote } from '../../../hooks/useRemote';
import { useT } from '../../../i18n';
import { useIntelLists } from '../useIntelLists';
import { useListWritable } from '../useListWritable';
import { ExportPanel } from './ExportPanel';
import { ImportForm } from './ImportForm';
import { ImportStatus } from './ImportStatus';
import { RecentImports } from './RecentImports';
import { useImport } from './useImport';

/** 导入导出: bulk imports (analysts) with progress and a bad-row report, exports, recent imports. */
export function ImportsPage() {
  const t = useT();
  const canWrite = useCan('intel.write');
  const isWritable = useListWritable();
  const lists = useIntelLists();
  const recent = useRemote((signal) => importsApi.recent(signal).then((body) => body.items), []);
  const { state, start, reset } = useImport(() => {
    recent.reload();
    lists.reload();
  });
  const busy = state.phase === 'uploading' || state.phase === 'processing';

  return (
    <>
      <PageHeader title={t('imports.title')} subtitle={t('imports.subtitle')} />
      <Flex vertical gap={16}>
        {canWrite && (
          <Card title={t('imports.importTitle')}>
            <ImportForm
              lists={lists.data?.filter(isWritable)}
              busy={busy}
              onStart={(request) => void start(request)}
            />
            {state.phase !== 'idle' && (
              <div style={{ marginTop: 16 }}>
                <ImportStatus state={state} onAgain={reset} />
              </div>
            )}
          </Card>
        )}
        <Card title={t('imports.export.title')}>
          <ExportPanel lists={lists.data} />
        </Card>
        <Card title={t('imports.recent')}>
          {recent.error !== null && <ProblemAlert error={recent.error} onRetry={recent.reload} />}
          <RecentImports jobs={recent.data} loading={recent.loading} />
        </Card>
      </Flex>
    </>
  );
}
