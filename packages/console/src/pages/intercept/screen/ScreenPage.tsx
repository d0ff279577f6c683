import { useEffect, useMemo, useState } from 'react';
import { Card, Flex } from 'antd';
import { useSearchParams } from 'react-router';
import { isAbort, screenApi, type ScreenItem, type Verdict } from '../../../api';
import { PageHeader } from '../../../components/PageHeader';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useT } from '../../../i18n';
import { useIntelLists } from '../useIntelLists';
import { ScreenForm } from './ScreenForm';
import { parseScreenQuery, screenSearch } from './screenQuery';
import { VerdictCard } from './VerdictCard';

type Answer = { item: ScreenItem; verdict: Verdict } | { item: ScreenItem; error: unknown };

/** 研判测试 / 为什么被拦截？: the same verdict a carrier, bank or resolver gets, with its reasons. */
export function ScreenPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [loading, setLoading] = useState(false);
  const lists = useIntelLists();
  const item = useMemo(() => parseScreenQuery(new URLSearchParams(search)), [search]);
  const [round, setRound] = useState(0);

  useEffect(() => {
    const asked = parseScreenQuery(new URLSearchParams(search));
    if (!asked) return;
    const controller = new AbortController();
    setLoading(true);
    screenApi.test(asked, controller.signal).then(
      (verdict) => {
        setAnswer({ item: asked, verdict });
        setLoading(false);
      },
      (error: unknown) => {
        if (isAbort(error)) return;
        setAnswer({ item: asked, error });
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [search, round]);

  const ask = (next: ScreenItem) => {
    const nextSearch = screenSearch(next).slice(1);
    if (nextSearch === search) setRound((n) => n + 1);
    else setParams(new URLSearchParams(nextSearch), { replace: false });
  };

  return (
    <>
      <PageHeader title={t('screen.title')} subtitle={t('screen.subtitle')} />
      <Flex vertical gap={16}>
        <Card>
          <ScreenForm item={item} loading={loading} onSubmit={ask} />
        </Card>
        {answer && 'error' in answer && <ProblemAlert error={answer.error} />}
        {answer && 'verdict' in answer && (
          <VerdictCard item={answer.item} verdict={answer.verdict} listsByName={lists.byName} />
        )}
      </Flex>
    </>
  );
}
