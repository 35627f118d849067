/**
 * The pipeline report, in the vfile style, one message a line:
 *
 *   content/sources/001_….txt:16:52  info  restored 吴政隆 from 吴政?? (evidence: 吴政隆 at 12:23, 38:3)  gap/restored
 *
 * Files in the order given; messages sorted by line, column, then rule; a summary at the end.
 * Severity: `error` for fatal messages, `warning` for anything an editor should look at,
 * `info` for routine changes.
 */
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { SourceError } from './errors.ts';

export type Severity = 'error' | 'warning' | 'info';

/**
 * vfile messages are Errors, and capturing a stack trace nobody reads is most of their cost.
 * `stopStackTraces` sets Error.stackTraceLimit to a value that is not a number — V8 then skips
 * the capture altogether, where 0 still captures an empty trace (about 13% fewer instructions
 * per message); VFileMessage sets `stack` to '' itself, so the messages are the same — and
 * returns the limit in force, which `restoreStackTraces` puts back (in a `finally`):
 *
 *   const limit = stopStackTraces();
 *   try { …file.message(…)… } finally { restoreStackTraces(limit); }
 *
 * Two plain calls rather than one taking the work as a closure: a closure wrapper around
 * cleaning's message loop cost more than the capture it saved.
 */
export function stopStackTraces(): number {
  const limit = Error.stackTraceLimit;
  Reflect.set(Error, 'stackTraceLimit', undefined);
  return limit;
}

/** Puts back the limit `stopStackTraces` returned. */
export function restoreStackTraces(limit: number): void {
  Error.stackTraceLimit = limit;
}

export function severityOf(message: VFileMessage): Severity {
  if (message.fatal === true) return 'error';
  if (message.fatal === false) return 'warning';
  return 'info';
}

/** `source/rule` unless the rule id already carries its family (`gap/restored`). */
export function ruleOf(message: VFileMessage): string {
  const rule = message.ruleId ?? '';
  if (message.source && !rule.includes('/')) return rule ? `${message.source}/${rule}` : message.source;
  return rule;
}

function compare(a: VFileMessage, b: VFileMessage): number {
  return (
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    (ruleOf(a) < ruleOf(b) ? -1 : ruleOf(a) > ruleOf(b) ? 1 : 0)
  );
}

/** One line per message; whitespace in the message (line breaks, tabs) is collapsed. */
export function formatMessage(path: string, message: VFileMessage): string {
  const place = message.line ? `:${message.line}:${message.column ?? 1}` : '';
  const reason = message.reason.replace(/\s+/g, ' ').trim();
  const rule = ruleOf(message);
  return `${path}${place}  ${severityOf(message)}  ${reason}${rule ? `  ${rule}` : ''}`;
}

export function formatReport(files: VFile[]): string {
  const out: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const file of files) {
    const path = file.path || '<unknown>';
    const messages = [...file.messages].sort(compare);
    for (const message of messages) {
      counts[severityOf(message)]++;
      out.push(formatMessage(path, message));
    }
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  out.push(
    `${plural(files.length, 'file')}: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')}`,
  );
  return `${out.join('\n')}\n`;
}

/** A file the orchestrator skipped (see SourceError): one warning, rule `decode/skipped`. */
export function skippedFile(error: SourceError): VFile {
  const file = new VFile({ path: error.path });
  const message = file.message(`skipped: ${error.reason}`, {
    place: error.line === undefined ? undefined : { line: error.line, column: 1 },
    ruleId: 'decode/skipped',
  });
  message.fatal = false;
  return file;
}
