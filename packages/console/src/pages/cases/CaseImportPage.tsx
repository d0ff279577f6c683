import { useState } from 'react';
import { Alert, Button, Card, Flex, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { ApiProblem, casesApi, problemMessage, type CaseImportResult } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { mono } from '../intercept/labels';
import { importProblemText, rowProblems, type RowProblem } from './caseText';

/** 导入案件: the template, the upload, and either what was imported or every problem by row. */
export function CaseImportPage() {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CaseImportResult | null>(null);
  const [problems, setProblems] = useState<RowProblem[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const none = t('common.none');

  const start = async () => {
    if (!file) return;
    setBusy(true);
    setResult(null);
    setProblems(null);
    setError(null);
    try {
      setResult(await casesApi.importFile(file));
    } catch (reason) {
      if (reason instanceof ApiProblem && reason.errors.length > 0) setProblems(rowProblems(reason.errors));
      else setError(reason);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('cases.import.title')}
        subtitle={t('cases.import.subtitle')}
        extra={
          <Flex gap={8}>
            <Link to="/cases">{t('cases.detail.back')}</Link>
            <Button icon={<DownloadOutlined />} href={casesApi.templateUrl} download>
              {t('cases.import.template')}
            </Button>
          </Flex>
        }
      />
      <Card>
        <Flex vertical gap={12}>
          <Upload.Dragger
            accept=".xlsx,.csv"
            maxCount={1}
            beforeUpload={(chosen) => {
              setFile(chosen);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: 'chosen', name: file.name, status: 'done' }] : []}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('cases.import.choose')}</p>
          </Upload.Dragger>
          <Flex justify="end">
            <Button type="primary" disabled={!file} loading={busy} onClick={() => void start()}>
              {t('cases.import.submit')}
            </Button>
          </Flex>
          {error !== null && <Alert type="error" showIcon role="alert" title={problemMessage(t, error)} />}
          {result && (
            <>
              <Alert
                type="success"
                showIcon
                title={t('cases.import.done', { created: result.created, footprints: result.footprints })}
              />
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={result.cases}
                columns={[
                  { key: 'ref', title: t('cases.import.col.ref'), dataIndex: 'ref' },
                  {
                    key: 'id',
                    title: t('cases.import.col.case'),
                    render: (_, row) => (
                      <Link to={`/cases/${row.id}`} style={mono}>
                        {row.id}
                      </Link>
                    ),
                  },
                  {
                    key: 'footprints',
                    title: t('cases.col.footprints'),
                    dataIndex: 'footprints',
                    align: 'right',
                  },
                ]}
              />
            </>
          )}
          {problems && (
            <>
              <Alert
                type="error"
                showIcon
                role="alert"
                title={t('cases.import.failed', { count: problems.length })}
              />
              <Table<RowProblem>
                rowKey="key"
                size="small"
                pagination={problems.length > 50 ? { pageSize: 50 } : false}
                dataSource={problems}
                columns={[
                  {
                    key: 'row',
                    title: t('cases.import.col.row'),
                    width: 80,
                    render: (_, p) => p.row ?? none,
                  },
                  {
                    key: 'column',
                    title: t('cases.import.col.column'),
                    width: 160,
                    render: (_, p) => p.column ?? none,
                  },
                  {
                    key: 'message',
                    title: t('cases.import.col.problem'),
                    render: (_, p) => <Typography.Text>{importProblemText(t, p)}</Typography.Text>,
                  },
                ]}
              />
            </>
          )}
        </Flex>
      </Card>
    </>
  );
}
