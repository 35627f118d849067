/**
 * Kind of record: a delegation `visit` when the article speaks of a 代表团 (outside sentences about
 * the past), else a multilateral `meeting` when it names one (001: the 长三角地区主要领导座谈会).
 */
import { type Context, isHistorical } from './context.ts';

export function mentionsDelegation(ctx: Context): boolean {
  return ctx.sentences.some((s) => s.text.includes('代表团') && !isHistorical(s));
}

export function extractKind(ctx: Context, hasMeeting: boolean): 'visit' | 'meeting' {
  return mentionsDelegation(ctx) || !hasMeeting ? 'visit' : 'meeting';
}
