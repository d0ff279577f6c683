import { Alert, Button, Flex, List, Typography } from 'antd';
import { Link } from 'react-router';
import { cluesApi } from '../../api';
import { useRemote } from '../../hooks/useRemote';
import { useT } from '../../i18n';
import { when } from './labels';

/** The unit's unread clue notices (to sign, due soon, overdue, escalated, returned), each marked read with one click. */
export function NoticesCard() {
  const t = useT();
  const notices = useRemote((signal) => cluesApi.notices({ unread: true, pageSize: 5 }, signal), []);
  const items = notices.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={t('clues.notices.title', { count: notices.data?.unread ?? items.length })}
      description={
        <List
          size="small"
          dataSource={items}
          renderItem={(notice) => (
            <List.Item
              actions={[
                <Button
                  key="read"
                  size="small"
                  type="link"
                  onClick={() => void cluesApi.readNotice(notice.id).then(notices.reload)}
                >
                  {t('clues.notices.read')}
                </Button>,
              ]}
            >
              <Flex gap={8} wrap>
                <Typography.Text type="secondary">{when(notice.createdAt)}</Typography.Text>
                <Link to={`/clues/${notice.clueId}`}>{notice.message}</Link>
              </Flex>
            </List.Item>
          )}
        />
      }
    />
  );
}
