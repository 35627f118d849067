import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { cleanSource } from '../../scripts/pipeline/clean.ts';
import { SourceError } from '../../scripts/pipeline/errors.ts';
import { formatReport, ruleOf, severityOf, skippedFile } from '../../scripts/pipeline/report.ts';
import { source, sources } from './sources.ts';

describe('formatReport', () => {
  it('one line per message, `path:line:col  severity  message  rule`, sorted, with a summary', () => {
    const a = new VFile({ path: 'content/sources/a.txt' });
    a.info('second', { place: { line: 3, column: 2 }, ruleId: 'chrome/icp' });
    const w = a.message('first', { place: { line: 1, column: 5 }, ruleId: 'gap/unresolved' });
    w.fatal = false;
    const e = a.message('broken\nfile', { ruleId: 'decode/skipped' });
    e.fatal = true;
    const b = new VFile({ path: 'content/sources/b.txt' });
    b.info('from another family', { place: { line: 2, column: 1 }, ruleId: 'inferred-year', source: 'extract' });
    expect(formatReport([a, b])).toBe(
      [
        'content/sources/a.txt  error  broken file  decode/skipped',
        'content/sources/a.txt:1:5  warning  first  gap/unresolved',
        'content/sources/a.txt:3:2  info  second  chrome/icp',
        'content/sources/b.txt:2:1  info  from another family  extract/inferred-year',
        '2 files: 1 error, 1 warning, 2 infos',
        '',
      ].join('\n'),
    );
  });

  it('severity and rule helpers', () => {
    const f = new VFile();
    const info = f.info('x', { ruleId: 'a/b' });
    const warning = f.message('y', { ruleId: 'c', source: 'd' });
    expect(severityOf(info)).toBe('info');
    expect(severityOf(warning)).toBe('warning');
    expect(ruleOf(info)).toBe('a/b');
    expect(ruleOf(warning)).toBe('d/c');
  });

  it('skippedFile: a SourceError as one warning', () => {
    const report = formatReport([skippedFile(new SourceError('content/sources/bin.txt', 'binary', 'binary content: NUL byte at offset 3'))]);
    expect(report).toBe('content/sources/bin.txt  warning  skipped: binary content: NUL byte at offset 3  decode/skipped\n1 file: 0 errors, 1 warning, 0 infos\n');
    const withLine = formatReport([skippedFile(new SourceError('x.txt', 'binary', 'binary content', 7))]);
    expect(withLine.split('\n')[0]).toBe('x.txt:7:1  warning  skipped: binary content  decode/skipped');
  });

  it('the report of the five sources: every line well-formed, rule ids from the known families', () => {
    const report = formatReport(sources.map((s) => cleanSource(s.bytes, s.path).vfile));
    const lines = report.trimEnd().split('\n');
    const summary = lines.pop()!;
    expect(summary).toMatch(/^5 files: 0 errors, 1 warning, \d+ infos$/);
    for (const line of lines) {
      expect(line).toMatch(/^content\/sources\/\d{3}_[0-9a-f]{16}\.txt:\d+:\d+  (info|warning)  .+  (chrome|pinyin|gap|punctuation|decode)\/[a-z-]+$/);
    }
    expect(report).toContain(`${source('001').path}:16:118  info  restored 吴政隆 from 吴政??: the document has 吴政隆 at 12:19, 38:3  gap/restored`);
    expect(report).toContain(`${source('004').path}:29:1  info  removed line “推荐阅读”  chrome/recommend-list`);
  });
});
