/**
 * A source file that cannot become a document: empty, whitespace only, binary or undecodable.
 *
 * The message is always `path: reason`; `line` is set when one line is to blame.
 */
export class SourceError extends Error {
  override name = 'SourceError';
  readonly path: string;
  readonly kind: 'empty' | 'whitespace' | 'binary' | 'undecodable';
  readonly reason: string;
  /** 1-based line, when one line is to blame */
  readonly line: number | undefined;

  constructor(path: string, kind: SourceError['kind'], reason: string, line?: number) {
    super(`${path}: ${reason}`);
    this.path = path;
    this.kind = kind;
    this.reason = reason;
    this.line = line;
  }
}
