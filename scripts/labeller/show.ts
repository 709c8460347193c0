// Debugging aid: `node scripts/labeller/show.ts PAGE.txt` prints each line's role and its reasons.
import { readFileSync } from 'node:fs';
import { classifyLines } from '../pipeline/classify-lines.ts';
import { splitLines } from '../pipeline/split-lines.ts';

const { lines } = classifyLines(splitLines({ file: process.argv[2]!, text: readFileSync(process.argv[2]!, 'utf8'), encoding: 'utf-8' }), new Set());
for (const l of lines) console.log(String(l.source.position.line).padStart(3), l.role.padEnd(9), l.text.slice(0, 40), ` [${l.reasons.join(', ')}]`);
