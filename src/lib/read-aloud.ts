// 朗读 (read aloud): the article read by the browser's speech synthesis (Web Speech API), the title
// first, then each paragraph, the one being read marked (class `reading`, scrolled into view). No
// external service: a system voice (src/lib/voice.ts). Loaded by ArticleTools on the first click.
import { chineseVoice } from './voice.ts';

export type ReadState = 'playing' | 'paused' | 'stopped';

/** The blocks read, in order: the heading, then the body's paragraphs and subheads (the continuation's too). */
function blocks(article: Element): HTMLElement[] {
  return [...article.querySelectorAll<HTMLElement>('h1, .body p, .body h2')].filter((el) => el.textContent?.trim());
}

export function readAloud(article: Element, onState: (state: ReadState) => void): { toggle(): string; stop(): void } {
  const synth = window.speechSynthesis;
  const voice = chineseVoice(synth.getVoices());
  const queue = blocks(article);
  let at = 0;
  let state: ReadState = 'stopped';
  const set = (next: ReadState) => {
    state = next;
    onState(next);
  };
  const mark = (el: HTMLElement | null) => {
    for (const done of article.querySelectorAll('.reading')) done.classList.remove('reading');
    el?.classList.add('reading');
    el?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  };
  const speak = () => {
    const el = queue[at];
    if (!el) return stop();
    const u = new SpeechSynthesisUtterance(el.textContent ?? '');
    u.lang = voice?.lang ?? 'zh-CN';
    if (voice) u.voice = voice;
    u.onstart = () => mark(el);
    u.onend = () => {
      if (state === 'stopped') return;
      at += 1;
      speak();
    };
    synth.speak(u);
  };
  function stop() {
    set('stopped');
    synth.cancel();
    mark(null);
  }
  return {
    toggle() {
      if (state === 'stopped') {
        set('playing');
        synth.cancel();
        speak();
      } else if (state === 'playing') {
        synth.pause();
        set('paused');
      } else {
        synth.resume();
        set('playing');
      }
      return state;
    },
    stop,
  };
}
