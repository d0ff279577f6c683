import { useState } from 'react';
import { Card, Select, Space, Table, Typography, type TableColumnsType, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { cardGroupings, cardKinds, cardsApi, type InvolvedCard } from '../../api';
import { useCan } from '../../auth';
import { FilterBar, SearchFilter } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RowAction } from '../../components/RowAction';
import { pageOf, paginationOf } from '../../components/paging';
import { useRemote } from '../../hooks/useRemote';
import { useUrlQuery } from '../../hooks/useUrlQuery';
import { useT } from '../../i18n';
import { UnitTreeSelect } from '../../units/UnitTreeSelect';
import { yuan } from '../cases/labels';
import { mono } from '../intercept/labels';
import { parseCardsQuery } from './cardsQuery';
import { CardCases } from './CardCases';
import { CardKindTag } from './labels';
import { RevealModal } from './RevealModal';

/** 涉案卡: bank cards, corporate and payment accounts and SIMs seen in cases or reported by partners. */
export function CardsPage() {
  const t = useT();
  const canReveal = useCan('cards.reveal');
  const [query, setQuery] = useUrlQuery(parseCardsQuery);
  const cards = useRemote((signal) => cardsApi.find(query, signal), [JSON.stringify(query)]);
  const [revealing, setRevealing] = useState<InvolvedCard | null>(null);

  const columns: TableColumnsType<InvolvedCard> = [
    {
      key: 'number',
      title: t('cards.col.number'),
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text style={mono}>{row.number}</Typography.Text>
          <Space size={4}>
            <CardKindTag kind={row.kind} t={t} />
            {row.issuer && <Typography.Text type="secondary">{row.issuer}</Typography.Text>}
          </Space>
        </Space>
      ),
    },
    {
      key: 'opening',
      title: t('cards.col.opening'),
      render: (_, row) =>
        row.openingPlace || row.openingUnit ? (
          <Space orientation="vertical" size={0}>
            {row.openingPlace}
            {row.openingUnit && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {row.openingUnit.name}
                {row.openedOn ? ` · ${row.openedOn}` : ''}
              </Typography.Text>
            )}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('cards.unknown')}</Typography.Text>
        ),
    },
    {
      key: 'holder',
      title: t('cards.col.holder'),
      render: (_, row) =>
        row.holder ? (
          <Space orientation="vertical" size={0}>
            <span>
              {row.holder.name} <span style={mono}>{row.holder.idNumber}</span>
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('cards.col.residence')}: {row.holder.residenceUnit?.name ?? row.holder.residenceCode}
            </Typography.Text>
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('cards.unknown')}</Typography.Text>
        ),
    },
    { key: 'cases', title: t('cards.col.cases'), align: 'right', dataIndex: 'caseCount' },
    { key: 'amount', title: t('cards.col.amount'), align: 'right', render: (_, row) => yuan(row.amount) },
    {
      key: 'source',
      title: t('cards.col.source'),
      render: (_, row) =>
        [row.seenInCases ? t('cards.source.case') : null, row.reportedBy].filter(Boolean).join(' · '),
    },
    {
      key: 'firstSeenAt',
      title: t('cards.col.firstSeenAt'),
      render: (_, row) => dayjs(row.firstSeenAt).format('YYYY-MM-DD HH:mm'),
    },
    ...(canReveal
      ? [
          {
            key: 'actions',
            title: t('users.col.actions'),
            render: (_: unknown, row: InvolvedCard) =>
              row.holder && (
                <RowAction
                  label={t('cards.reveal.action')}
                  subject={row.number}
                  onClick={() => setRevealing(row)}
                />
              ),
          },
        ]
      : []),
  ];

  const onChange: TableProps<InvolvedCard>['onChange'] = (pagination, _filters, _sorter, extra) => {
    if (extra.action === 'paginate') setQuery(pageOf(pagination, query));
  };

  return (
    <>
      <PageHeader title={t('cards.list.title')} subtitle={t('cards.list.subtitle')} />
      {cards.error !== null && <ProblemAlert error={cards.error} onRetry={cards.reload} />}
      <Card>
        <FilterBar>
          <SearchFilter
            label={t('cards.search')}
            value={query.q}
            width={260}
            onSearch={(q) => setQuery({ q, page: 1 })}
          />
          <Select
            allowClear
            aria-label={t('cards.filterKind')}
            placeholder={t('cards.filterKind')}
            value={query.kind}
            onChange={(kind) => setQuery({ kind: kind ?? undefined, page: 1 })}
            options={cardKinds.map((kind) => ({ value: kind, label: t(`cards.kind.${kind}`) }))}
            style={{ width: 130 }}
          />
          <Select
            aria-label={t('cards.filterBy')}
            value={query.by ?? 'opening'}
            onChange={(by) => setQuery({ by, page: 1 })}
            options={cardGroupings.map((by) => ({ value: by, label: t(`cards.by.${by}`) }))}
            style={{ width: 110 }}
          />
          <UnitTreeSelect
            allowClear
            aria-label={t('cards.filterUnit')}
            placeholder={t('cards.filterUnit')}
            value={query.unit}
            onChange={(unit) => setQuery({ unit, page: 1 })}
            style={{ width: 200 }}
          />
        </FilterBar>
        <Table<InvolvedCard>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={cards.data?.items ?? []}
          loading={cards.loading}
          onChange={onChange}
          scroll={{ x: 'max-content' }}
          pagination={paginationOf(t, query, cards.data?.total, [20, 50, 100, 200])}
          expandable={{ expandedRowRender: (row) => <CardCases cardId={row.id} /> }}
        />
      </Card>
      {revealing?.holder && (
        <RevealModal
          subject={revealing.holder.name}
          reveal={(reason) => cardsApi.revealPerson(revealing.holder!.personId, reason)}
          onClose={() => setRevealing(null)}
        />
      )}
    </>
  );
}
