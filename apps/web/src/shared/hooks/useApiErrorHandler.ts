import { App } from 'antd';
import { useCallback } from 'react';
import { useT } from '../../app/i18n/useT';
import { isApiError } from '../api/client';

/** Show an error from the server (message already translated) or a generic one. */
export function useApiErrorHandler(): (e: unknown) => void {
  const { message } = App.useApp();
  const t = useT();
  return useCallback(
    (e: unknown) => {
      if (isApiError(e)) {
        if (e.status === 401) return; // the guard is already on its way to /login
        void message.error(e.message);
      } else if (e instanceof Error && e.name !== 'AbortError') {
        void message.error(t('error.unknown'));
      }
    },
    [message, t],
  );
}
