import type { ReactNode } from 'react';
import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  DeploymentUnitOutlined,
  FileSearchOutlined,
  HomeOutlined,
  NodeIndexOutlined,
  SafetyOutlined,
  SettingOutlined,
  StopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Role } from '../api';
import { canOpen, type PageKey } from '../auth/access';
import type { MessageKey } from '../i18n';

// The console's map: every page, its path, label and icon, grouped as the side navigation shows it.

export type CapabilityKey = 'intercept' | 'warnings' | 'cases' | 'clues' | 'analysis' | 'stats';

export interface NavPage {
  key: PageKey;
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Still being built: the route shows a "coming" page. */
  coming?: boolean;
}

export interface NavGroup {
  key: 'system';
  label: MessageKey;
  icon: ReactNode;
  children: NavPage[];
}

export type NavEntry = NavPage | NavGroup;

export const capabilities: (NavPage & { key: CapabilityKey })[] = [
  { key: 'intercept', path: '/intercept', label: 'nav.intercept', icon: <StopOutlined />, coming: true },
  { key: 'warnings', path: '/warnings', label: 'nav.warnings', icon: <AlertOutlined />, coming: true },
  { key: 'cases', path: '/cases', label: 'nav.cases', icon: <FileSearchOutlined />, coming: true },
  { key: 'clues', path: '/clues', label: 'nav.clues', icon: <NodeIndexOutlined />, coming: true },
  {
    key: 'analysis',
    path: '/analysis',
    label: 'nav.analysis',
    icon: <DeploymentUnitOutlined />,
    coming: true,
  },
  { key: 'stats', path: '/stats', label: 'nav.stats', icon: <BarChartOutlined />, coming: true },
];

export const homePage: NavPage = { key: 'home', path: '/', label: 'nav.home', icon: <HomeOutlined /> };

export const systemPages: NavPage[] = [
  { key: 'units', path: '/system/units', label: 'nav.units', icon: <ApartmentOutlined /> },
  { key: 'users', path: '/system/users', label: 'nav.users', icon: <TeamOutlined /> },
  { key: 'audit', path: '/system/audit', label: 'nav.audit', icon: <AuditOutlined /> },
];

export const productIcon = <SafetyOutlined />;

/** The navigation as a given user sees it: pages their roles cannot open are left out. */
export function navigationFor(roles: readonly Role[]): NavEntry[] {
  const system = systemPages.filter((page) => canOpen(page.key, roles));
  return [
    homePage,
    ...capabilities,
    ...(system.length > 0
      ? [
          {
            key: 'system' as const,
            label: 'nav.system' as const,
            icon: <SettingOutlined />,
            children: system,
          },
        ]
      : []),
  ];
}

/** The page whose path is the longest prefix of `pathname`, for highlighting the menu. */
export function pageForPath(pathname: string): NavPage | undefined {
  const pages = [homePage, ...capabilities, ...systemPages];
  return pages
    .filter((page) => (page.path === '/' ? pathname === '/' : pathname.startsWith(page.path)))
    .sort((a, b) => b.path.length - a.path.length)[0];
}
