import { Modal, Table, Tag, Typography } from 'antd';
import { cardsApi, type ChainNeighbourhood } from '../../api';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useRemote } from '../../hooks/useRemote';
import { useT } from '../../i18n';
import { mono } from '../intercept/labels';

type ChainNode = ChainNeighbourhood['nodes'][number];

/** 顺线深挖: a person's neighbourhood along the card-trade chain, two steps either way. */
export function ChainModal({
  personId,
  name,
  onClose,
}: {
  personId: string;
  name: string;
  onClose: () => void;
}) {
  const t = useT();
  const chain = useRemote((signal) => cardsApi.chain(personId, 2, signal), [personId]);
  const names = new Map((chain.data?.nodes ?? []).map((node) => [node.personId, node.name]));
  return (
    <Modal open width={760} title={t('cards.chain.title', { name })} footer={null} onCancel={onClose}>
      {chain.error !== null && <ProblemAlert error={chain.error} onRetry={chain.reload} />}
      <Typography.Title level={5}>{t('cards.chain.persons')}</Typography.Title>
      <Table<ChainNode>
        rowKey="personId"
        size="small"
        loading={chain.loading}
        pagination={false}
        dataSource={chain.data?.nodes ?? []}
        columns={[
          { key: 'distance', title: t('cards.chain.distance'), dataIndex: 'distance' },
          {
            key: 'person',
            title: t('cards.col.holder'),
            render: (_, row) => (
              <span>
                {row.name} <span style={mono}>{row.idNumber}</span>
              </span>
            ),
          },
          {
            key: 'residence',
            title: t('cards.col.residence'),
            render: (_, row) => row.residenceUnit?.name ?? row.residenceCode,
          },
          {
            key: 'roles',
            title: t('cards.chain.roles'),
            render: (_, row) =>
              row.roles.map((role) => <Tag key={role}>{t(`cards.role.${role}` as never)}</Tag>),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('cards.chain.edges')}
      </Typography.Title>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={chain.data?.edges ?? []}
        columns={[
          { key: 'from', title: t('cards.chain.from'), render: (_, row) => names.get(row.from) },
          { key: 'role', title: t('cards.chain.role'), render: (_, row) => t(`cards.role.${row.role}`) },
          { key: 'to', title: t('cards.chain.to'), render: (_, row) => names.get(row.to) },
          { key: 'case', title: t('cards.col.cases'), render: (_, row) => row.caseId ?? '' },
        ]}
      />
    </Modal>
  );
}
