/**
 * SourceError: a source file that cannot become a document at all — empty, whitespace only,
 * binary or undecodable. The message reads `path: reason`, or `path:line: reason` when one
 * line is to blame.
 *
 * Policy (README.md, "Cleaning"): the orchestrator skips such a file with a visible warning
 * in the report (rule `decode/skipped`, see `skippedFile` in report.ts) and goes on; the build
 * does not stop.
 */
export type SourceProblem = 'empty' | 'whitespace' | 'binary' | 'undecodable';

export class SourceError extends Error {
  override name = 'SourceError';
  readonly path: string;
  readonly kind: SourceProblem;
  readonly reason: string;
  /** 1-based line, when one line is to blame */
  readonly line: number | undefined;

  constructor(path: string, kind: SourceProblem, reason: string, line?: number) {
    super(`${path}${line === undefined ? '' : `:${line}`}: ${reason}`);
    this.path = path;
    this.kind = kind;
    this.reason = reason;
    this.line = line;
  }
}
