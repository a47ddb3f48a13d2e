import { HomeOutlined } from '@ant-design/icons';
import { Breadcrumb, Layout, Menu, type MenuProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { useCan } from '../auth/useAuth';
import { useT } from '../i18n/useT';
import { menuTestId, pageAllowed } from '../modules';
import { webModules } from '../registry';
import { GlobalSearch } from './GlobalSearch';
import { LocaleSwitch } from './LocaleSwitch';
import { StoreSwitcher } from './StoreSwitcher';
import { useCurrentPage } from './useCurrentPage';
import { UserMenu } from './UserMenu';
import { useLocalStorage } from '../../shared/hooks/useLocalStorage';

const { Sider, Header, Content } = Layout;

/** The Ant Design Pro shape: module menu on the left, top bar, breadcrumbs, the page. */
export function AppLayout() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const location = useLocation();
  const navigation = useNavigation();
  const current = useCurrentPage();
  const [collapsed, setCollapsed] = useLocalStorage<boolean>('layout.collapsed', false);

  const items = useMemo<MenuProps['items']>(() => {
    const modules = webModules
      .map((m) => ({ m, pages: m.pages.filter((p) => !p.hideInMenu && pageAllowed(p, can)) }))
      .filter(({ pages }) => pages.length > 0)
      .map(({ m, pages }) => ({
        key: m.key,
        icon: m.icon,
        label: <span data-testid={`menu-group-${m.key}`}>{t(m.label)}</span>,
        children: pages.map((p) => ({
          key: p.path,
          icon: p.icon,
          label: <span data-testid={menuTestId(p.path)}>{t(p.label)}</span>,
        })),
      }));
    return [{ key: '/', icon: <HomeOutlined />, label: <span data-testid="menu-home">{t('menu.home')}</span> }, ...modules];
  }, [can, t]);

  const [openKeys, setOpenKeys] = useState<string[]>(() => (current ? [current.module.key] : []));
  const currentModuleKey = current?.module.key;
  // Accordion: the current module's group is open; opening another closes the rest (fits 768 px high screens).
  useEffect(() => {
    if (currentModuleKey) setOpenKeys([currentModuleKey]);
  }, [currentModuleKey]);

  const selectedKey = current?.page.path ?? (location.pathname === '/' ? '/' : '');

  const crumbs = [
    { key: 'home', title: <Link to="/">{t('menu.home')}</Link> },
    ...(current
      ? [
          { key: 'module', title: t(current.module.label) },
          { key: 'page', title: t(current.page.label) },
        ]
      : []),
  ];

  return (
    <Layout className="sf-shell">
      {navigation.state !== 'idle' && <div className="sf-nav-progress" />}
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208} collapsedWidth={56} className="sf-sider">
        <Link to="/" className="sf-logo" title={t('app.fullName')}>
          <span className="sf-logo-mark">四</span>
          {!collapsed && <span className="sf-logo-text">{t('app.name')}</span>}
        </Link>
        <Menu
          theme="dark"
          mode="inline"
          items={items}
          selectedKeys={[selectedKey]}
          openKeys={collapsed ? undefined : openKeys}
          onOpenChange={(keys) => setOpenKeys(keys.filter((k) => !openKeys.includes(k)).slice(-1))}
          onClick={({ key }) => navigate(key)}
          data-testid="main-menu"
        />
      </Sider>
      <Layout>
        <Header className="sf-header">
          <GlobalSearch />
          <div style={{ flex: 1 }} />
          <StoreSwitcher />
          <LocaleSwitch />
          <UserMenu />
        </Header>
        <Content className="sf-content">
          {location.pathname !== '/' && <Breadcrumb items={crumbs} className="sf-breadcrumb" />}
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
