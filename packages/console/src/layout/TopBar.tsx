import { Avatar, Dropdown, Flex, Space, Tag, Typography } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useAuth, useMe } from '../auth';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { RoleTags } from '../components/tags';
import { useT } from '../i18n';
import { productIcon } from './navigation';

const light = { color: 'rgba(255,255,255,0.88)' } as const;

export function TopBar() {
  const t = useT();
  const me = useMe();
  const { logout } = useAuth();
  const navigate = useNavigate();

  const signOut = async () => {
    await logout().catch(() => undefined);
    navigate('/login', { replace: true });
  };

  return (
    <Flex align="center" justify="space-between" style={{ height: '100%' }}>
      <Link to="/" style={{ ...light, fontSize: 16, fontWeight: 600, whiteSpace: 'nowrap' }}>
        <Space size={8}>
          <span style={{ color: '#60a5fa' }}>{productIcon}</span>
          {t('app.name')}
        </Space>
      </Link>
      <Space size={16} align="center">
        <Space size={4} wrap={false}>
          <Tag color="blue" variant="solid" aria-label={t('users.col.unit')}>
            {me.unit.name}
          </Tag>
          <RoleTags roles={me.roles} />
        </Space>
        <LanguageSwitch dark />
        <Dropdown
          trigger={['click']}
          menu={{
            items: [{ key: 'logout', icon: <LogoutOutlined />, label: t('user.menu.logout') }],
            onClick: ({ key }) => {
              if (key === 'logout') void signOut();
            },
          }}
        >
          <button
            type="button"
            aria-label={me.displayName}
            style={{ background: 'none', border: 0, cursor: 'pointer', padding: 0 }}
          >
            <Space size={6}>
              <Avatar size="small" icon={<UserOutlined />} style={{ background: '#2563eb' }} />
              <Typography.Text style={light}>{me.displayName}</Typography.Text>
              <Typography.Text style={{ color: 'rgba(255,255,255,0.55)' }}>{me.username}</Typography.Text>
            </Space>
          </button>
        </Dropdown>
      </Space>
    </Flex>
  );
}
