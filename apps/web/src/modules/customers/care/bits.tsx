import { Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../app/i18n/useT';
import { SEVERITY_COLOURS, STATE_COLOURS, type Complaint } from './types';

export function FollowUpStatusTag({ status }: { status: string }) {
  const { tEnum } = useI18n();
  return <Tag color={STATE_COLOURS[status]}>{tEnum('enum.followUpStatus', status)}</Tag>;
}

/** The complaint's state; escalated is red, an overdue open case says so. */
export function ComplaintStatusTag({ c }: { c: Pick<Complaint, 'status' | 'overdue'> }) {
  const { t, tEnum } = useI18n();
  return (
    <span data-testid="complaint-status">
      <Tag color={STATE_COLOURS[c.status]}>{tEnum('enum.complaintStatus', c.status)}</Tag>
      {c.overdue && c.status !== 'escalated' && <Tag color="red">{t('care.overdue')}</Tag>}
    </span>
  );
}

export function SeverityTag({ severity }: { severity: string }) {
  const { tEnum } = useI18n();
  return <Tag color={SEVERITY_COLOURS[severity]}>{tEnum('enum.complaintSeverity', severity)}</Tag>;
}

/** Re-renders every `ms` (a clock). */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const h = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(h);
  }, [ms]);
  return now;
}

/** The 24-hour clock: time left before the deadline, or how long it is overdue. */
export function ComplaintClock({ c }: { c: Pick<Complaint, 'status' | 'dueAt' | 'resolvedAt'> }) {
  const { t } = useI18n();
  const now = useNow();
  const due = dayjs(c.dueAt);
  if (c.status === 'resolved') {
    const late = c.resolvedAt ? dayjs(c.resolvedAt).isAfter(due) : false;
    return (
      <Typography.Text type={late ? 'danger' : 'success'} data-testid="complaint-clock">
        {t(late ? 'care.clock.resolvedLate' : 'care.clock.resolvedInTime')}
      </Typography.Text>
    );
  }
  const diff = due.diff(dayjs(now), 'minute');
  const abs = Math.abs(diff);
  const text = t('care.clock.hm', { h: Math.floor(abs / 60), m: abs % 60 });
  return diff > 0 ? (
    <Typography.Text type={diff < 120 ? 'warning' : undefined} strong data-testid="complaint-clock">
      {t('care.clock.left', { time: text })}
    </Typography.Text>
  ) : (
    <Typography.Text type="danger" strong data-testid="complaint-clock">
      {t('care.clock.overdue', { time: text })}
    </Typography.Text>
  );
}
