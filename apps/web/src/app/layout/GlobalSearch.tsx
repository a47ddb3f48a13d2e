import { SearchOutlined } from '@ant-design/icons';
import { App, Input, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/useT';

function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The global search box ('/' focuses it). Search across customers/vehicles/documents comes with those modules. */
export function GlobalSearch() {
  const t = useT();
  const { message } = App.useApp();
  const ref = useRef<InputRef>(null);
  const [value, setValue] = useState('');

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !typingInField(e.target)) {
        e.preventDefault();
        ref.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <Input
      ref={ref}
      data-testid="global-search"
      prefix={<SearchOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />}
      suffix={<kbd className="sf-kbd">/</kbd>}
      placeholder={t('layout.searchPlaceholder')}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onPressEnter={() => {
        if (value.trim()) void message.info(t('layout.searchComingSoon', { q: value.trim() }));
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') ref.current?.blur();
      }}
      allowClear
      style={{ width: 340 }}
    />
  );
}
