import { Badge, Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useMe } from '../auth';
import { useT } from '../i18n';
import { useWarningStream } from '../pages/warnings/live/WarningStreamProvider';
import { navigationFor, pageForPath, type NavEntry } from './navigation';

type MenuItem = NonNullable<MenuProps['items']>[number];

export function SideNav() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const selected = pageForPath(pathname);
  const { unseen } = useWarningStream();
  const labelOf = (entry: NavEntry) =>
    entry.key === 'warnings.queue' && unseen > 0 ? (
      <Badge count={unseen} size="small" offset={[10, 0]} title={t('nav.warnings.unseen', { count: unseen })}>
        {t(entry.label)}
      </Badge>
    ) : (
      t(entry.label)
    );

  const toItem = (entry: NavEntry): MenuItem =>
    'children' in entry
      ? { key: entry.key, icon: entry.icon, label: t(entry.label), children: entry.children.map(toItem) }
      : { key: entry.path, icon: entry.icon, label: labelOf(entry) };

  return (
    <Menu
      mode="inline"
      aria-label={t('nav.home')}
      selectedKeys={selected ? [selected.path] : []}
      defaultOpenKeys={['intercept', 'warnings', 'clues', 'cards', 'system']}
      items={navigationFor(me.roles).map(toItem)}
      onClick={({ key }) => navigate(key)}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
