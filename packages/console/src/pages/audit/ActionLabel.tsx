import { Space, Tag, Typography } from 'antd';
import { isMessageKey, useT } from '../../i18n';

const colors: Record<string, string> = {
  auth: 'blue',
  user: 'green',
  personal_data: 'orange',
  apikey: 'purple',
  intel: 'geekblue',
  appeal: 'cyan',
};

/** An audit action in words, with its stable code beside it for people who search by code. */
export function ActionLabel({ action }: { action: string }) {
  const t = useT();
  const key = `audit.action.${action}`;
  const failed = action.endsWith('_failed') || action.endsWith('_blocked');
  const color = failed ? 'red' : (colors[action.split('.')[0] ?? ''] ?? 'default');
  return (
    <Space size={4}>
      <Tag color={color}>{isMessageKey(key) ? t(key) : action}</Tag>
      {isMessageKey(key) && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {action}
        </Typography.Text>
      )}
    </Space>
  );
}
