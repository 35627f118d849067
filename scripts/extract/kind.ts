/**
 * Kind of record: a delegation `visit` when the article speaks of a 代表团 (outside sentences about
 * the past), else a multilateral `meeting` when it names one (001: the 长三角地区主要领导座谈会).
 */
import { type Context, isHistorical, words } from './context.ts';

/** 代表团, which route.ts reads too (the delegation's province) */
export const DELEGATION = words('代表团');

export function mentionsDelegation(ctx: Context): boolean {
  // the occurrences of 代表团: (sentence, end) pairs from the dictionary pass
  const hits = ctx.found(DELEGATION)[0] ?? [];
  for (let j = 0; j < hits.length; j += 2) if (!isHistorical(ctx.sentences[hits[j]!]!)) return true;
  return false;
}

export function extractKind(ctx: Context, hasMeeting: boolean): 'visit' | 'meeting' {
  return mentionsDelegation(ctx) || !hasMeeting ? 'visit' : 'meeting';
}
