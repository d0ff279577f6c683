import { useState } from 'react';
import { App, Card } from 'antd';
import { usersApi, type User } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useRemote } from '../../hooks/useRemote';
import { useUrlQuery } from '../../hooks/useUrlQuery';
import { useT } from '../../i18n';
import { RevealPhoneModal } from './RevealPhoneModal';
import { UserCreateModal } from './UserCreateModal';
import { UserEditModal } from './UserEditModal';
import { UserFilters } from './UserFilters';
import { UsersTable } from './UsersTable';
import { parseUsersQuery } from './usersQuery';

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'reveal'; user: User } | null;

/** 用户 (admin): the accounts of the caller's subtree. */
export function UsersPage() {
  const t = useT();
  const { message } = App.useApp();
  const [query, setQuery] = useUrlQuery(parseUsersQuery);
  const [dialog, setDialog] = useState<Dialog>(null);
  const users = useRemote((signal) => usersApi.find(query, signal), [JSON.stringify(query)]);
  const close = () => setDialog(null);

  return (
    <>
      <PageHeader title={t('users.title')} subtitle={t('users.subtitle')} />
      {users.error !== null && <ProblemAlert error={users.error} onRetry={users.reload} />}
      <Card>
        <UserFilters query={query} onChange={setQuery} onCreate={() => setDialog({ kind: 'create' })} />
        <UsersTable
          page={users.data}
          loading={users.loading}
          query={query}
          onQueryChange={setQuery}
          onEdit={(user) => setDialog({ kind: 'edit', user })}
          onReveal={(user) => setDialog({ kind: 'reveal', user })}
        />
      </Card>
      {dialog?.kind === 'create' && (
        <UserCreateModal
          onClose={close}
          onCreated={(user) => {
            close();
            void message.success(t('users.created', { username: user.username }));
            users.reload();
          }}
        />
      )}
      {dialog?.kind === 'edit' && (
        <UserEditModal
          user={dialog.user}
          onClose={close}
          onSaved={() => {
            close();
            void message.success(t('common.saved'));
            users.reload();
          }}
        />
      )}
      {dialog?.kind === 'reveal' && <RevealPhoneModal user={dialog.user} onClose={close} />}
    </>
  );
}
