import { useState } from 'react';
import { App, Button, Card } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { IntelList } from '../../../api';
import { useCan } from '../../../auth';
import { PageHeader } from '../../../components/PageHeader';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useT } from '../../../i18n';
import { EntryAddModal } from '../entries/EntryAddModal';
import { useIntelLists } from '../useIntelLists';
import { useListWritable } from '../useListWritable';
import { ListCreateModal } from './ListCreateModal';
import { ListsTable } from './ListsTable';

type Dialog = { kind: 'create' } | { kind: 'add'; list: IntelList } | null;

/** 名单: the intelligence lists; analysts create lists and add entries to them. */
export function ListsPage() {
  const t = useT();
  const { message } = App.useApp();
  const canWrite = useCan('intel.write');
  const isWritable = useListWritable();
  const lists = useIntelLists();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  return (
    <>
      <PageHeader
        title={t('intel.lists.title')}
        subtitle={t('intel.lists.subtitle')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
              {t('intel.lists.create')}
            </Button>
          )
        }
      />
      {lists.error !== null && <ProblemAlert error={lists.error} onRetry={lists.reload} />}
      <Card>
        <ListsTable
          lists={lists.data}
          loading={lists.loading}
          isWritable={isWritable}
          onAddEntries={(list) => setDialog({ kind: 'add', list })}
        />
      </Card>
      {dialog?.kind === 'create' && (
        <ListCreateModal
          onClose={close}
          onCreated={(list) => {
            close();
            void message.success(t('intel.lists.created', { title: list.title }));
            lists.reload();
          }}
        />
      )}
      {dialog?.kind === 'add' && (
        <EntryAddModal
          lists={(lists.data ?? []).filter(isWritable)}
          initialList={dialog.list.name}
          onClose={close}
          onAdded={(added) => {
            close();
            void message.success(t('intel.entries.added', { count: added }));
            lists.reload();
          }}
        />
      )}
    </>
  );
}
