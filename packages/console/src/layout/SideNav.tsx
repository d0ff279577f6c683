import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useMe } from '../auth';
import { useT } from '../i18n';
import { navigationFor, pageForPath, type NavEntry } from './navigation';

type MenuItem = NonNullable<MenuProps['items']>[number];

export function SideNav() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const selected = pageForPath(pathname);

  const toItem = (entry: NavEntry): MenuItem =>
    'children' in entry
      ? { key: entry.key, icon: entry.icon, label: t(entry.label), children: entry.children.map(toItem) }
      : { key: entry.path, icon: entry.icon, label: t(entry.label) };

  return (
    <Menu
      mode="inline"
      aria-label={t('nav.home')}
      selectedKeys={selected ? [selected.path] : []}
      defaultOpenKeys={['intercept', 'system']}
      items={navigationFor(me.roles).map(toItem)}
      onClick={({ key }) => navigate(key)}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
