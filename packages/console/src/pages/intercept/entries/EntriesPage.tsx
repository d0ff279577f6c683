import { useState } from 'react';
import { App, Card } from 'antd';
import { intelApi, type IntelEntry } from '../../../api';
import { useCan } from '../../../auth';
import { PageHeader } from '../../../components/PageHeader';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useRemote } from '../../../hooks/useRemote';
import { useUrlQuery } from '../../../hooks/useUrlQuery';
import { useT } from '../../../i18n';
import { AppealFileModal } from '../appeals/AppealFileModal';
import { useIntelLists } from '../useIntelLists';
import { useListWritable } from '../useListWritable';
import { EntriesTable } from './EntriesTable';
import { EntryAddModal } from './EntryAddModal';
import { EntryFilters } from './EntryFilters';
import { EntryHistoryDrawer } from './EntryHistoryDrawer';
import { EntryRemoveModal } from './EntryRemoveModal';
import { parseEntriesQuery } from './entriesQuery';

type Dialog = { kind: 'add' } | { kind: 'history' | 'remove' | 'appeal'; entry: IntelEntry } | null;

/** 条目: search the listed values, see where each came from, and act on it as the role allows. */
export function EntriesPage() {
  const t = useT();
  const { message } = App.useApp();
  const canWrite = useCan('intel.write');
  const isWritable = useListWritable();
  const canAppeal = useCan('appeals.file');
  const [query, setQuery] = useUrlQuery(parseEntriesQuery);
  const lists = useIntelLists();
  const entries = useRemote((signal) => intelApi.entries(query, signal), [JSON.stringify(query)]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  return (
    <>
      <PageHeader title={t('intel.entries.title')} subtitle={t('intel.entries.subtitle')} />
      {entries.error !== null && <ProblemAlert error={entries.error} onRetry={entries.reload} />}
      <Card>
        <EntryFilters
          query={query}
          lists={lists.data}
          onChange={setQuery}
          onAdd={canWrite ? () => setDialog({ kind: 'add' }) : undefined}
        />
        <EntriesTable
          page={entries.data}
          loading={entries.loading}
          query={query}
          listsByName={lists.byName}
          onQueryChange={setQuery}
          onHistory={(entry) => setDialog({ kind: 'history', entry })}
          onRemove={canWrite ? (entry) => setDialog({ kind: 'remove', entry }) : undefined}
          canRemove={(entry) => isWritable(lists.byName.get(entry.list))}
          onAppeal={canAppeal ? (entry) => setDialog({ kind: 'appeal', entry }) : undefined}
        />
      </Card>
      {dialog?.kind === 'add' && (
        <EntryAddModal
          lists={(lists.data ?? []).filter(isWritable)}
          initialList={query.list}
          onClose={close}
          onAdded={(added) => {
            close();
            void message.success(t('intel.entries.added', { count: added }));
            entries.reload();
            lists.reload();
          }}
        />
      )}
      {dialog?.kind === 'history' && <EntryHistoryDrawer entry={dialog.entry} onClose={close} />}
      {dialog?.kind === 'remove' && (
        <EntryRemoveModal
          entry={dialog.entry}
          onClose={close}
          onRemoved={() => {
            close();
            void message.success(t('intel.entries.removed'));
            entries.reload();
          }}
        />
      )}
      {dialog?.kind === 'appeal' && (
        <AppealFileModal
          entry={dialog.entry}
          onClose={close}
          onFiled={() => {
            close();
            void message.success(t('appeals.filed'));
          }}
        />
      )}
    </>
  );
}
