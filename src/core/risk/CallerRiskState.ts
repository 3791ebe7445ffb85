import type { CallerRisk } from './CallerRisk.ts';

/** What the card knows about the caller so far: asking, the verdict, or that the worker could not say. */
export type CallerRiskState = { status: 'pending' } | { status: 'assessed'; risk: CallerRisk } | { status: 'unavailable' };
