import { createBrowserRouter, type RouteObject } from 'react-router';
import { FullPageSpin, RequireAuth } from './auth/RequireAuth';
import { loadDayjs } from './i18n/locales';
import { ForbiddenPage, NotFoundPage, RouteError } from './pages/ErrorPages';
import { LoginPage } from './pages/LoginPage';
import { PermissionGate } from './pages/PermissionGate';
import { webModules } from './registry';

const pageRoutes: RouteObject[] = webModules.flatMap((m) =>
  m.pages.map<RouteObject>((p) => ({
    path: p.path.replace(/^\//, ''),
    element: <PermissionGate page={p} />,
    errorElement: <RouteError />,
    // Pages may format dates: dayjs (not on the first screen) comes with the first page, its locale set.
    children: [{ index: true, lazy: async () => ({ Component: (await Promise.all([p.load(), loadDayjs()]))[0] }) }],
  })),
);

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  {
    path: '/',
    // The signed-in shell is its own chunk: the login screen loads without the menu, tables and drawers.
    lazy: async () => {
      const { AppLayout } = await import('./layout/AppLayout');
      return {
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
      };
    },
    errorElement: <RouteError />,
    hydrateFallbackElement: <FullPageSpin />,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./pages/HomePage')).HomePage }) },
      ...pageRoutes,
      { path: '403', element: <ForbiddenPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
