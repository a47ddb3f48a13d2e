import { theme } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

/**
 * A box with an optional title in antd Card's look, for the sign-in and home screens: antd's Card imports Tabs and
 * Skeleton (≈ 25 KB gzip) for features these screens do not use, and they are part of the first screen's bundle.
 * Pages further in use Card.
 */
export function Panel({
  title,
  size = 'default',
  borderless = false,
  className,
  style,
  children,
}: {
  title?: ReactNode;
  size?: 'default' | 'small';
  borderless?: boolean;
  className?: string;
  style?: CSSProperties;
  children: ReactNode;
}) {
  const { token } = theme.useToken();
  const pad = size === 'small' ? 12 : token.paddingLG;
  const line = `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`;
  return (
    <section
      className={className ? `sf-panel ${className}` : 'sf-panel'}
      style={{
        background: token.colorBgContainer,
        borderRadius: token.borderRadiusLG,
        border: borderless ? undefined : line,
        color: token.colorText,
        fontSize: token.fontSize,
        lineHeight: token.lineHeight,
        ...style,
      }}
    >
      {title ? (
        <div
          className="sf-panel-head"
          style={{
            minHeight: size === 'small' ? token.fontSize * token.lineHeight + token.paddingXS * 2 : 56,
            padding: `0 ${pad}px`,
            color: token.colorTextHeading,
            fontWeight: token.fontWeightStrong,
            fontSize: size === 'small' ? token.fontSize : token.fontSizeLG,
            borderBottom: line,
          }}
        >
          {title}
        </div>
      ) : null}
      <div style={{ padding: pad }}>{children}</div>
    </section>
  );
}
