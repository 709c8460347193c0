// Diagnostics are data: stages return them, the CLI prints and records them.
import type { Diagnostic, Severity, SourcePosition } from './types.ts';

export function diagnostic(
  at: SourcePosition,
  severity: Severity,
  message: string,
  ruleId: string,
): Diagnostic {
  return { file: at.file, line: at.line, column: at.column, severity, message, ruleId };
}

/** The whole file, for problems that have no better place (line 1, column 1). */
export function fileStart(file: string): SourcePosition {
  return { file, line: 1, column: 1 };
}

/**
 * `file:line:col  severity  message  rule-id`, the format every diagnostic is printed in: always one
 * line. File names and messages quote seed text and names, so control characters in them (a line break
 * in a file name, a terminal escape sequence in a manifest value) are printed as `\u{…}` escapes.
 */
export function formatDiagnostic(d: Diagnostic): string {
  return `${printable(d.file)}:${d.line}:${d.column}  ${d.severity}  ${printable(d.message)}  ${d.ruleId}`;
}

const printable = (text: string): string =>
  text.replace(/[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order for reports: by file, line, column, then severity and rule. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    severityRank[a.severity] - severityRank[b.severity] ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}
