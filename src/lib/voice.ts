// The voice 朗读 (read aloud) uses: the system's own speech synthesis, a Mandarin voice — zh-CN first,
// then any other Chinese (zh-TW, zh-HK, cmn-…), a local (offline) voice before a network one.

/** The best Chinese voice among `voices`, or null when the system has none (朗读 is then not offered). */
export function chineseVoice<V extends Pick<SpeechSynthesisVoice, 'lang' | 'localService'>>(voices: readonly V[]): V | null {
  const rank = (v: V) => {
    const lang = v.lang.toLowerCase().replace('_', '-');
    const fit = lang === 'zh-cn' || lang.startsWith('zh-hans') || lang.startsWith('cmn-hans') ? 0 : /^(zh|cmn)\b/u.test(lang) ? 1 : -1;
    return fit < 0 ? -1 : fit * 2 + (v.localService ? 0 : 1);
  };
  let best: V | null = null;
  for (const v of voices) if (rank(v) >= 0 && (!best || rank(v) < rank(best))) best = v;
  return best;
}
