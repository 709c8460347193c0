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

/**
 * Line and column (in code points, from 1) of each index into `text` (sorted ascending), in one pass.
 */
export function positionsAt(text: string, indexes: readonly number[], file: string): SourcePosition[] {
  const positions: SourcePosition[] = [];
  let line = 1;
  let lineStart = 0;
  let from = 0;
  for (const index of indexes) {
    for (let nl = text.indexOf('\n', from); nl >= 0 && nl < index; nl = text.indexOf('\n', nl + 1)) {
      line++;
      lineStart = nl + 1;
      from = nl + 1;
    }
    positions.push({ file, line, column: codePoints(text.slice(lineStart, index)) + 1 });
  }
  return positions;
}

function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff || i === 0 || text.charCodeAt(i - 1) < 0xd800 || text.charCodeAt(i - 1) > 0xdbff) n++;
  }
  return n;
}

/**
 * More than `keep` diagnostics of one rule and severity on one file become `keep` of them plus one line
 * saying how many more there are and where the last is: a page of 50,000 damaged lines is a short
 * report, not 50,000 lines. Expects (and keeps) the compareDiagnostics order.
 */
export function foldDiagnostics(diagnostics: readonly Diagnostic[], keep = 3): Diagnostic[] {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const key = `${d.file}\0${d.ruleId}\0${d.severity}`;
    const group = groups.get(key);
    if (group) group.push(d);
    else groups.set(key, [d]);
  }
  const folded: Diagnostic[] = [];
  for (const group of groups.values()) {
    if (group.length <= keep + 1) {
      folded.push(...group);
      continue;
    }
    const rest = group.slice(keep);
    const last = rest.at(-1)!;
    folded.push(...group.slice(0, keep), { ...rest[0]!, message: `${rest.length} more like this on this page (${rest[0]!.line}:${rest[0]!.column} to ${last.line}:${last.column}); first: ${rest[0]!.message}` });
  }
  return folded.sort(compareDiagnostics);
}

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
