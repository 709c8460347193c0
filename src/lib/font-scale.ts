// The reader's font sizes (字号): a few steps around the default, so A−/A+ never run away.

export const FONT_SCALES = [0.875, 1, 1.125, 1.25, 1.5, 1.75];

/** The scale `step` steps (±1) from `current`, kept within FONT_SCALES. */
export function nextScale(current: number, step: number): number {
  let at = FONT_SCALES.findIndex((s) => s >= current - 1e-6);
  if (at < 0) at = FONT_SCALES.length - 1;
  return FONT_SCALES[Math.min(FONT_SCALES.length - 1, Math.max(0, at + step))];
}
