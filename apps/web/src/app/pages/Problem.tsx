import { CloseCircleFilled, WarningFilled } from '@ant-design/icons';
import { theme } from 'antd';
import type { ReactNode } from 'react';

/**
 * antd's Result as the screens of the first bundle need it (status error or warning): antd's own Result imports its
 * 403/404/500 illustrations wherever it is used (≈ 10 KB gzip), so the 403/404 pages (StatusPages) load on demand
 * and these fallbacks — a failed route or chunk, a session that could not be read — use this.
 */
export function Problem({
  status,
  title,
  subTitle,
  extra,
}: {
  status: 'error' | 'warning';
  title: ReactNode;
  subTitle?: ReactNode;
  extra?: ReactNode;
}) {
  const { token } = theme.useToken();
  const Icon = status === 'error' ? CloseCircleFilled : WarningFilled;
  return (
    <div className="sf-problem" data-status={status}>
      <Icon className="sf-problem-icon" style={{ color: status === 'error' ? token.colorError : token.colorWarning }} />
      <div className="sf-problem-title" style={{ color: token.colorTextHeading }}>
        {title}
      </div>
      {subTitle ? (
        <div className="sf-problem-subtitle" style={{ color: token.colorTextDescription }}>
          {subTitle}
        </div>
      ) : null}
      {extra ? <div className="sf-problem-extra">{extra}</div> : null}
    </div>
  );
}
