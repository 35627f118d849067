/**
 * Kind of record: a delegation `visit` when the article speaks of a 代表团 (outside sentences about
 * the past), else a multilateral `meeting` when it names one (001: the 长三角地区主要领导座谈会).
 */
import { type Context, isHistorical, words } from './context.ts';

const DELEGATION = words('代表团');

export function mentionsDelegation(ctx: Context): boolean {
  const delegation = ctx.mentions(DELEGATION);
  return ctx.sentences.some((s) => delegation[s.index] === 1 && !isHistorical(s));
}

export function extractKind(ctx: Context, hasMeeting: boolean): 'visit' | 'meeting' {
  return mentionsDelegation(ctx) || !hasMeeting ? 'visit' : 'meeting';
}
