import { Button, Card } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { warningsApi } from '../../../api';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useRemote } from '../../../hooks/useRemote';
import { useT } from '../../../i18n';
import { FigureCards } from './FigureCards';

/** The workbench's 预警 figures for today in the caller's subtree, linking to the full figures page. */
export function WarningFiguresSummary() {
  const t = useT();
  const today = dayjs().format('YYYY-MM-DD');
  const figures = useRemote(
    (signal) =>
      warningsApi.figures(
        { from: dayjs(today).startOf('day').toISOString(), to: dayjs(today).add(1, 'day').toISOString() },
        signal,
      ),
    [today],
  );
  return (
    <Card
      title={t('warnings.figures.todayTitle')}
      extra={
        <Link to="/warnings/figures">
          <Button type="link">{t('warnings.figures.more')}</Button>
        </Link>
      }
    >
      {figures.error !== null && <ProblemAlert error={figures.error} onRetry={figures.reload} />}
      {figures.data && <FigureCards figures={figures.data} size="small" />}
    </Card>
  );
}
