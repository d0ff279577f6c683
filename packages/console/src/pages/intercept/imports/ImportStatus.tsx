import { Alert, Button, Flex, Progress, Result, Typography } from 'antd';
import { problemMessage, type ImportJob } from '../../../api';
import { useT } from '../../../i18n';
import { BadRowsTable } from './BadRowsTable';
import { processedPercent } from './importFile';
import type { ImportState } from './useImport';

function Processing({ job }: { job: ImportJob }) {
  const t = useT();
  const percent = processedPercent(job);
  return (
    <Flex vertical gap={4}>
      <Typography.Text>
        {job.phase === 'writing'
          ? t('imports.writing', {
              written: job.written.toLocaleString(),
              rows: job.rowsRead.toLocaleString(),
            })
          : t('imports.processing', { rows: job.rowsRead.toLocaleString() })}
      </Typography.Text>
      <Progress
        percent={percent ?? 100}
        status="active"
        showInfo={percent !== null}
        aria-label={t('imports.processingLabel')}
      />
    </Flex>
  );
}

function Finished({ job, onAgain }: { job: ImportJob; onAgain: () => void }) {
  const t = useT();
  const again = <Button onClick={onAgain}>{t('imports.again')}</Button>;
  if (job.status === 'succeeded') {
    return (
      <Result
        status="success"
        title={t('imports.succeeded', { added: job.added.toLocaleString() })}
        subTitle={t('imports.succeededDetail', { rows: job.rowsRead.toLocaleString(), list: job.list })}
        extra={again}
      />
    );
  }
  return (
    <Flex vertical gap={12}>
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t('imports.failed', { count: job.errorCount })}
        description={
          <>
            <div>{t('imports.nothingChanged')}</div>
            {job.errors.length === 0 && job.message && (
              <Typography.Text type="secondary">{job.message}</Typography.Text>
            )}
          </>
        }
        action={again}
      />
      {job.errors.length > 0 && <BadRowsTable errors={job.errors} errorCount={job.errorCount} />}
    </Flex>
  );
}

/** Where an import is: uploading, processing, finished (with its result or its bad rows), or failed. */
export function ImportStatus({ state, onAgain }: { state: ImportState; onAgain: () => void }) {
  const t = useT();
  switch (state.phase) {
    case 'idle':
      return null;
    case 'uploading': {
      const percent = state.total ? Math.floor((state.loaded / state.total) * 100) : 0;
      return (
        <Flex vertical gap={4}>
          <Typography.Text>{t('imports.uploading')}</Typography.Text>
          <Progress percent={percent} status="active" aria-label={t('imports.uploadingLabel')} />
        </Flex>
      );
    }
    case 'processing':
      return <Processing job={state.job} />;
    case 'finished':
      return <Finished job={state.job} onAgain={onAgain} />;
    case 'error':
      return (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={problemMessage(t, state.error)}
          description={t('imports.nothingChanged')}
          action={<Button onClick={onAgain}>{t('imports.again')}</Button>}
        />
      );
  }
}
