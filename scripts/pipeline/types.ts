/**
 * Contract between the cleaning steps (scripts/pipeline/) and extraction (scripts/extract/).
 *
 * Cleaning turns the raw bytes of one source file into a CleanDocument: decoded, chrome
 * removed, damage repaired, simplified, Chinese punctuation restored, every line classified
 * and traced to its line in the raw file. Extraction reads only CleanDocuments.
 */
import type { VFile } from 'vfile';

export type LineKind =
  /** the article headline */
  | 'title'
  /** publication line: date/time, 来源, 作者, e.g. `发布时间:2019-05-24作者:来源:中安在线` */
  | 'meta'
  /** subtitle / deck under the title (e.g. a list of leaders' names) */
  | 'subtitle'
  /** body paragraph (the first one usually carries the dateline: `中安在线…讯`, `浙江在线重庆10月10日电`) */
  | 'body'
  /** section heading inside the body */
  | 'heading'
  /** photo caption (kept once, even if repeated in the source) */
  | 'caption'
  /** reporter/photographer/editor line, e.g. `责任编辑:张玉`, `(宗禾)` */
  | 'credit';

export interface CleanLine {
  kind: LineKind;
  /** cleaned, simplified text with Chinese punctuation */
  text: string;
  /** 1-based line number in the raw source file */
  line: number;
}

export interface RemovedLine {
  line: number;
  text: string;
  /** rule id that removed it, e.g. `chrome/navigation` */
  rule: string;
  /** true when only this part of the line was removed (the rest of the line is kept) */
  partial?: boolean;
}

export interface CleanDocument {
  /** project-relative path, e.g. `content/sources/000_9b576cff179121a4.txt` */
  path: string;
  /** file name only */
  file: string;
  sha256: string;
  /** detected encoding, e.g. `UTF-8`, `UTF-8 (BOM)`, `GB18030`, `Big5`, `UTF-16LE` */
  encoding: string;
  script: 'traditional' | 'simplified';
  lines: CleanLine[];
  removed: RemovedLine[];
  /** counts and lists for the visit's provenance panel (see changeSummary in src/schemas.ts) */
  changes: import('../../src/schemas.ts').ChangeSummary;
  /** the vfile carrying every message (warnings/info with line:column and rule id) */
  vfile: VFile;
}
