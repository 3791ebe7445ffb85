import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startUpdateDeferral } from '../../../src/background/updateDeferral.ts';
import { liveContactCount, mayApplyUpdate, REPORT_LIFETIME_MS, withReport } from '../../../src/core/policy/deployment/updateDeferral.ts';

describe('which contacts an update must wait for', () => {
  it('ringing, talking, on hold and wrap-up are live; ended, missed, rejected and failed are not', () => {
    expect(liveContactCount(['incoming', 'connecting', 'connected', 'on_hold', 'after_contact_work'])).toBe(5);
    expect(liveContactCount(['ended', 'missed', 'rejected', 'error'])).toBe(0);
  });

  it('waits while any page reports a live contact, and no longer than a report lives', () => {
    let reports = withReport(new Map(), 'page-aaaaaaaa', { live: 1, at: 1_000 });
    reports = withReport(reports, 'page-bbbbbbbb', { live: 0, at: 1_000 });
    expect(mayApplyUpdate(reports, 2_000)).toBe(false);
    // A page that vanished without a last report stops holding the update.
    expect(mayApplyUpdate(reports, 1_000 + REPORT_LIFETIME_MS)).toBe(true);
    // The page's own "nothing live" clears it at once.
    expect(mayApplyUpdate(withReport(reports, 'page-aaaaaaaa', { live: 0, at: 3_000 }), 3_000)).toBe(true);
  });
});

describe('the worker holds an extension update until no contact is live', () => {
  let updateListener: ((details: { version: string }) => void) | undefined;
  const reload = vi.fn();
  beforeEach(() => {
    updateListener = undefined;
    reload.mockClear();
    vi.stubGlobal('chrome', {
      runtime: {
        reload,
        onUpdateAvailable: { addListener: (listener: (details: { version: string }) => void) => (updateListener = listener) },
      },
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('an update during a call waits; the call ending applies it', () => {
    const deferral = startUpdateDeferral();
    deferral.report('desk-11111111', 1);
    updateListener?.({ version: '0.2.0' });
    expect(reload).not.toHaveBeenCalled();
    deferral.report('desk-11111111', 1);
    expect(reload).not.toHaveBeenCalled();
    deferral.report('desk-11111111', 0);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('an update between calls is applied at once, and one desk ending its call does not end another’s', () => {
    const deferral = startUpdateDeferral();
    deferral.report('desk-11111111', 1);
    deferral.report('desk-22222222', 1);
    updateListener?.({ version: '0.2.0' });
    deferral.report('desk-11111111', 0);
    expect(reload).not.toHaveBeenCalled();
    deferral.report('desk-22222222', 0);
    expect(reload).toHaveBeenCalledTimes(1);

    const idle = startUpdateDeferral();
    void idle;
    updateListener?.({ version: '0.3.0' });
    expect(reload).toHaveBeenCalledTimes(2);
  });

  it('reports alone never reload: without an update nothing happens', () => {
    const deferral = startUpdateDeferral();
    deferral.report('desk-11111111', 1);
    deferral.report('desk-11111111', 0);
    expect(reload).not.toHaveBeenCalled();
  });
});
