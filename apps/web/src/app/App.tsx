import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import { RouterProvider } from 'react-router';
import { isApiError } from '../shared/api/client';
import { AuthProvider } from './auth/AuthProvider';
import { I18nProvider } from './i18n/I18nProvider';
import { useI18n } from './i18n/useT';
import { router } from './router';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not get better by asking again.
      retry: (count, e) => !(isApiError(e) && e.status >= 400 && e.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 15_000,
    },
  },
});

const theme = {
  token: { colorPrimary: '#1677ff', borderRadius: 4 },
  components: {
    Layout: { headerHeight: 48, headerPadding: '0 12px', headerBg: '#fff', siderBg: '#001529' },
    Table: { cellPaddingBlockSM: 6 },
  },
};

function Themed() {
  const { antdLocale } = useI18n();
  return (
    <ConfigProvider locale={antdLocale} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <AuthProvider>
            <RouterProvider router={router} />
          </AuthProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Themed />
    </I18nProvider>
  );
}
