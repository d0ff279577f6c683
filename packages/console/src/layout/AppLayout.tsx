import { Suspense, useState } from 'react';
import { Layout, Spin } from 'antd';
import { Outlet, useLocation } from 'react-router';
import { useMe } from '../auth';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useT } from '../i18n';
import { UnitsProvider } from '../units/UnitsProvider';
import { WarningStreamProvider } from '../pages/warnings/live/WarningStreamProvider';
import { pageForPath } from './navigation';
import { SideNav } from './SideNav';
import { TopBar } from './TopBar';

/** The frame around every signed-in page: top bar, side navigation, and the page itself. */
export function AppLayout() {
  const me = useMe();
  const t = useT();
  const page = pageForPath(useLocation().pathname);
  useDocumentTitle(page ? t(page.label) : undefined);
  const [collapsed, setCollapsed] = useState(false);
  return (
    <UnitsProvider userId={me.id}>
      <WarningStreamProvider>
        <Layout style={{ minHeight: '100vh' }}>
          <Layout.Header style={{ position: 'sticky', top: 0, zIndex: 10 }}>
            <TopBar />
          </Layout.Header>
          <Layout>
            <Layout.Sider
              width={200}
              collapsible
              breakpoint="lg"
              collapsed={collapsed}
              onCollapse={setCollapsed}
              theme="light"
              style={{ borderInlineEnd: '1px solid #f0f0f0' }}
            >
              <SideNav />
            </Layout.Sider>
            <Layout.Content style={{ padding: 16, minWidth: 0 }}>
              <Suspense fallback={<Spin style={{ display: 'block', margin: '64px auto' }} />}>
                <Outlet />
              </Suspense>
            </Layout.Content>
          </Layout>
        </Layout>
      </WarningStreamProvider>
    </UnitsProvider>
  );
}
