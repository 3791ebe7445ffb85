import { useEffect, useState } from 'react';
import { AUDIT_EVENT_TYPES } from '../../../core/audit/auditCatalogue.ts';
import type { AuditViewData } from '../../../core/audit/auditViewRows.ts';
import type { DropReason } from '../../../core/audit/outbox/Outbox.ts';
import { callWorker } from '../../../platform/callWorker.ts';
import { t } from '../../../platform/i18n.ts';

const REFRESH_MS = 5_000;

/** One message per reason, spelled out so that a new reason without a translation is a type error. */
const DROP_REASON_KEYS: Record<DropReason, string> = {
  size: 'auditDropReason_size',
  age: 'auditDropReason_age',
  rejected: 'auditDropReason_rejected',
};

/**
 * The supervisor's audit trail on this desktop: their own reveals and every incident, newest
 * first, with delivery status. Mounted only in the elevated view; details are the catalogue's
 * value-free fields, rendered as text.
 */
export function AuditView({ viewer }: { viewer: string }) {
  const [data, setData] = useState<AuditViewData | null>(null);
  const [type, setType] = useState<string>('');

  useEffect(() => {
    let live = true;
    const load = (): void => {
      void callWorker('audit.recent', { viewer }).then((result) => {
        if (live && result.ok) setData(result.response);
      });
    };
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [viewer]);

  const rows = (data?.rows ?? []).filter((row) => type === '' || row.event.type === type);
  return (
    <section className="audit-view" aria-label={t('auditViewTitle')} data-testid="audit-view">
      <h2>{t('auditViewTitle')}</h2>
      <label>
        {t('auditViewFilter')}{' '}
        <select value={type} onChange={(event) => setType(event.target.value)} data-testid="audit-filter">
          <option value="">{t('auditViewAllTypes')}</option>
          {AUDIT_EVENT_TYPES.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      {(data?.drops ?? []).map((drop) => (
        <p key={`${drop.firstSequence}-${drop.lastSequence}`} className="banner banner-error" data-testid="audit-drop">
          {t('auditViewDropped', [String(drop.count), t(DROP_REASON_KEYS[drop.reason])])}
        </p>
      ))}
      {rows.length === 0 ? <p className="muted">{t('auditViewEmpty')}</p> : null}
      <table>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="audit-row" data-type={row.event.type} data-status={row.status}>
              <td>{new Date(row.event.at).toLocaleString()}</td>
              <td>{row.event.type}</td>
              <td>
                {Object.entries(row.event.details)
                  .map(([name, value]) => `${name}: ${Array.isArray(value) ? value.join(', ') : String(value)}`)
                  .join(' · ')}
              </td>
              <td data-testid="audit-status">{t(`auditStatus_${row.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
