import { BankOutlined, CarOutlined, SearchOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { AutoComplete, Input, Spin, Typography, type InputRef } from 'antd';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api/client';
import { useDebouncedValue } from '../../shared/hooks/useDebouncedValue';
import { useCan } from '../auth/useAuth';
import { useT } from '../i18n/useT';

/** GET /api/search (customers module). */
type SearchResult = {
  customers: { id: string; name: string; phone: string; storeName: string; kind: string }[];
  vehicles: { id: string; vin: string; plate: string | null; ownerId: string; ownerName: string; storeName: string }[];
};

const MIN_CHARS = 2;
const DEBOUNCE_MS = 150;

function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Marks where the typed text occurs (ignoring case and spaces in the query). */
function Highlight({ text, q }: { text: string; q: string }) {
  const needle = q.replace(/[\s·.-]/g, '').toUpperCase();
  if (needle.length < MIN_CHARS) return <>{text}</>;
  const i = text.toUpperCase().indexOf(needle);
  if (i < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, i)}
      <mark className="sf-search-mark">{text.slice(i, i + needle.length)}</mark>
      {text.slice(i + needle.length)}
    </>
  );
}

/**
 * The global search box in the top bar ('/' focuses it): customers and vehicles as you type (phone, plate,
 * VIN part, name, pinyin initials), grouped; ↑ ↓ Enter open the record, Esc closes the list.
 */
export function GlobalSearch() {
  const can = useCan();
  if (!can('customers.search.use')) return null;
  return <SearchBox />;
}

function SearchBox() {
  const t = useT();
  const navigate = useNavigate();
  const ref = useRef<InputRef>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const q = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const enabled = q.length >= MIN_CHARS;

  const search = useQuery({
    queryKey: ['search', q],
    queryFn: ({ signal }) => api.get<SearchResult>('/api/search', { q }, signal),
    enabled,
    staleTime: 10_000,
    placeholderData: (prev) => prev,
  });

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

  const data = enabled ? search.data : undefined;
  const options = useMemo(() => {
    if (!data) return [];
    const groups: { label: ReactNode; title: string; options: { value: string; label: ReactNode }[] }[] = [];
    if (data.customers.length) {
      groups.push({
        title: t('search.customers'),
        label: <span className="sf-search-group">{t('search.customers')}</span>,
        options: data.customers.map((c) => ({
          value: `/customers/${c.id}`,
          label: (
            <div className="sf-search-option" data-testid="search-result-customer">
              {c.kind === 'company' ? <BankOutlined /> : <UserOutlined />}
              <span className="sf-search-main">
                <Highlight text={c.name} q={q} />
              </span>
              <span className="sf-mono">{c.phone}</span>
              <Typography.Text type="secondary" className="sf-search-store">
                {c.storeName}
              </Typography.Text>
            </div>
          ),
        })),
      });
    }
    if (data.vehicles.length) {
      groups.push({
        title: t('search.vehicles'),
        label: <span className="sf-search-group">{t('search.vehicles')}</span>,
        options: data.vehicles.map((v) => ({
          value: `/vehicles/${v.id}`,
          label: (
            <div className="sf-search-option" data-testid="search-result-vehicle">
              <CarOutlined />
              <span className="sf-search-main sf-mono">{v.plate ? <Highlight text={v.plate} q={q} /> : '—'}</span>
              <span className="sf-mono sf-search-vin">
                <Highlight text={v.vin} q={q} />
              </span>
              <span>{v.ownerName}</span>
              <Typography.Text type="secondary" className="sf-search-store">
                {v.storeName}
              </Typography.Text>
            </div>
          ),
        })),
      });
    }
    return groups;
  }, [data, q, t]);

  const waiting = enabled && (search.isFetching || q !== text.trim());
  const notFound =
    text.trim().length < MIN_CHARS ? (
      <Typography.Text type="secondary">{t('search.minChars', { min: MIN_CHARS })}</Typography.Text>
    ) : waiting ? (
      <Spin size="small" />
    ) : (
      <Typography.Text type="secondary" data-testid="search-no-results">
        {t('search.noResults')}
      </Typography.Text>
    );

  return (
    <AutoComplete
      value={text}
      open={open && text.trim().length > 0}
      onOpenChange={setOpen}
      options={options}
      onSearch={(v) => {
        setText(v);
        setOpen(true);
      }}
      onSelect={(path: string) => {
        setText('');
        setOpen(false);
        ref.current?.blur();
        navigate(path);
      }}
      notFoundContent={notFound}
      filterOption={false}
      defaultActiveFirstOption
      virtual={false}
      listHeight={480}
      popupMatchSelectWidth={480}
      classNames={{ popup: { root: 'sf-search-popup' } }}
      style={{ width: 340 }}
    >
      <Input
        ref={ref}
        data-testid="global-search"
        aria-label={t('layout.searchPlaceholder')}
        prefix={<SearchOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />}
        suffix={waiting ? <Spin size="small" /> : <kbd className="sf-kbd">/</kbd>}
        placeholder={t('layout.searchPlaceholder')}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault(); // the input is type="search": the browser would empty it
            if (open) setOpen(false);
            else ref.current?.blur();
          } else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !open) {
            setOpen(true); // back to the list after Esc
          }
        }}
        onClick={() => setOpen(true)}
        allowClear
      />
    </AutoComplete>
  );
}
