import type { ReactNode } from 'react';
import {
  AimOutlined,
  AlertOutlined,
  CreditCardOutlined,
  LineChartOutlined,
  LockOutlined,
  PieChartOutlined,
  ApartmentOutlined,
  BranchesOutlined,
  DashboardOutlined,
  InboxOutlined,
  NotificationOutlined,
  AuditOutlined,
  BarChartOutlined,
  DeploymentUnitOutlined,
  FileSearchOutlined,
  CloudUploadOutlined,
  ExperimentOutlined,
  FlagOutlined,
  SendOutlined,
  HomeOutlined,
  KeyOutlined,
  NodeIndexOutlined,
  OrderedListOutlined,
  PhoneOutlined,
  RadarChartOutlined,
  SolutionOutlined,
  UnorderedListOutlined,
  SafetyOutlined,
  SettingOutlined,
  StopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Role } from '../api';
import { canOpen, type PageKey } from '../auth/access';
import type { MessageKey } from '../i18n';

// The console's map: every page, its path, label and icon, grouped as the side navigation shows it.

export type CapabilityKey = 'intercept' | 'warnings' | 'cases' | 'clues' | 'cards' | 'analysis' | 'stats';

export interface NavPage {
  key: PageKey;
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Still being built: the route shows a "coming" page. */
  coming?: boolean;
}

export interface NavGroup {
  key: 'intercept' | 'warnings' | 'clues' | 'cards' | 'system';
  label: MessageKey;
  icon: ReactNode;
  children: NavPage[];
}

export type NavEntry = NavPage | NavGroup;

export const capabilities: (NavPage & { key: CapabilityKey })[] = [
  { key: 'intercept', path: '/intercept', label: 'nav.intercept', icon: <StopOutlined /> },
  { key: 'warnings', path: '/warnings', label: 'nav.warnings', icon: <AlertOutlined /> },
  { key: 'cases', path: '/cases', label: 'nav.cases', icon: <FileSearchOutlined /> },
  { key: 'clues', path: '/clues', label: 'nav.clues', icon: <NodeIndexOutlined /> },
  { key: 'cards', path: '/cards', label: 'nav.cards', icon: <CreditCardOutlined /> },
  {
    key: 'analysis',
    path: '/analysis',
    label: 'nav.analysis',
    icon: <DeploymentUnitOutlined />,
    coming: true,
  },
  { key: 'stats', path: '/stats', label: 'nav.stats', icon: <BarChartOutlined />, coming: true },
];

/** 拦截: lists, entries, the screening tester, imports, appeals and the new-domain watch. */
export const interceptPages: NavPage[] = [
  {
    key: 'intel.entries',
    path: '/intercept/entries',
    label: 'nav.intel.entries',
    icon: <UnorderedListOutlined />,
  },
  { key: 'intel.lists', path: '/intercept/lists', label: 'nav.intel.lists', icon: <OrderedListOutlined /> },
  { key: 'intel.screen', path: '/intercept/screen', label: 'nav.intel.screen', icon: <ExperimentOutlined /> },
  {
    key: 'intel.imports',
    path: '/intercept/imports',
    label: 'nav.intel.imports',
    icon: <CloudUploadOutlined />,
  },
  {
    key: 'intel.appeals',
    path: '/intercept/appeals',
    label: 'nav.intel.appeals',
    icon: <SolutionOutlined />,
  },
  {
    key: 'intel.domainWatch',
    path: '/intercept/domain-watch',
    label: 'nav.intel.domainWatch',
    icon: <RadarChartOutlined />,
  },
  {
    key: 'intel.callerReview',
    path: '/intercept/caller-review',
    label: 'nav.intel.callerReview',
    icon: <PhoneOutlined />,
  },
];

/** 预警劝阻: the live queue (and a warning's page under it), figures, rules and the events' dead letters. */
export const warningPages: NavPage[] = [
  {
    key: 'warnings.queue',
    path: '/warnings/queue',
    label: 'nav.warnings.queue',
    icon: <NotificationOutlined />,
  },
  {
    key: 'warnings.figures',
    path: '/warnings/figures',
    label: 'nav.warnings.figures',
    icon: <DashboardOutlined />,
  },
  { key: 'warnings.rules', path: '/warnings/rules', label: 'nav.warnings.rules', icon: <BranchesOutlined /> },
  {
    key: 'warnings.deadLetters',
    path: '/warnings/dead-letters',
    label: 'nav.warnings.deadLetters',
    icon: <InboxOutlined />,
  },
];

/** 线索: the inbox (to sign and work), the outbox (what the subtree sent), figures, special operations. */
export const cluePages: NavPage[] = [
  { key: 'clues.inbox', path: '/clues/inbox', label: 'nav.clues.inbox', icon: <InboxOutlined /> },
  { key: 'clues.outbox', path: '/clues/outbox', label: 'nav.clues.outbox', icon: <SendOutlined /> },
  { key: 'clues.figures', path: '/clues/figures', label: 'nav.clues.figures', icon: <DashboardOutlined /> },
  { key: 'operations', path: '/operations', label: 'nav.operations', icon: <FlagOutlined /> },
];

/** 两卡: involved cards, their groups by place, key targets to dispatch, progress; and 联合惩戒. */
export const cardPages: NavPage[] = [
  { key: 'cards.list', path: '/cards/list', label: 'nav.cards.list', icon: <CreditCardOutlined /> },
  { key: 'cards.groups', path: '/cards/groups', label: 'nav.cards.groups', icon: <PieChartOutlined /> },
  { key: 'cards.targets', path: '/cards/targets', label: 'nav.cards.targets', icon: <AimOutlined /> },
  {
    key: 'cards.progress',
    path: '/cards/progress',
    label: 'nav.cards.progress',
    icon: <LineChartOutlined />,
  },
  { key: 'punishment', path: '/punishment', label: 'nav.punishment', icon: <LockOutlined /> },
];

export const homePage: NavPage = { key: 'home', path: '/', label: 'nav.home', icon: <HomeOutlined /> };

export const systemPages: NavPage[] = [
  { key: 'units', path: '/system/units', label: 'nav.units', icon: <ApartmentOutlined /> },
  { key: 'users', path: '/system/users', label: 'nav.users', icon: <TeamOutlined /> },
  { key: 'audit', path: '/system/audit', label: 'nav.audit', icon: <AuditOutlined /> },
  { key: 'apiKeys', path: '/system/api-keys', label: 'nav.apiKeys', icon: <KeyOutlined /> },
];

export const productIcon = <SafetyOutlined />;

/** The navigation as a given user sees it: pages their roles cannot open are left out. */
export function navigationFor(roles: readonly Role[]): NavEntry[] {
  const system = systemPages.filter((page) => canOpen(page.key, roles));
  const groups = {
    intercept: interceptPages.filter((page) => canOpen(page.key, roles)),
    warnings: warningPages.filter((page) => canOpen(page.key, roles)),
    clues: cluePages.filter((page) => canOpen(page.key, roles)),
    cards: cardPages.filter((page) => canOpen(page.key, roles)),
  };
  const toEntry = (page: NavPage & { key: CapabilityKey }): NavEntry[] => {
    if (page.key !== 'intercept' && page.key !== 'warnings' && page.key !== 'clues' && page.key !== 'cards')
      return [page];
    const children = groups[page.key];
    if (children.length === 0) return [];
    return [{ key: page.key, label: page.label, icon: page.icon, children }];
  };
  return [
    homePage,
    ...capabilities.flatMap(toEntry),
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
  const pages = [
    homePage,
    ...capabilities,
    ...interceptPages,
    ...warningPages,
    ...cluePages,
    ...cardPages,
    ...systemPages,
  ];
  return pages
    .filter((page) => (page.path === '/' ? pathname === '/' : pathname.startsWith(page.path)))
    .sort((a, b) => b.path.length - a.path.length)[0];
}
