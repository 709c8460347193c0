// The search page in the browser: reads the state from the URL, runs it on load, keeps the URL in step
// as the reader types (history.replaceState), and renders results as text nodes (never HTML).
import { SearchEngine, type Hit, type SearchRun } from './engine.ts';
import { excerpt, type Segment } from './match.ts';
import { parseTerms, readState, writeState, type SearchState } from './query.ts';

/** Results shown at first and per 显示更多. */
const PAGE_SIZE = 20;
const TYPING_DELAY_MS = 250;

export function startSearchPage(base: string): void {
  const form = document.querySelector<HTMLFormElement>('#search-form')!;
  const status = document.querySelector<HTMLElement>('#search-status')!;
  const list = document.querySelector<HTMLOListElement>('#search-results')!;
  const more = document.querySelector<HTMLButtonElement>('#search-more')!;
  const engine = new SearchEngine(base);
  let current = 0;
  let run: SearchRun | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const formState = (): SearchState => readState(new URLSearchParams(new FormData(form) as unknown as Record<string, string>));

  const fillForm = (state: SearchState): void => {
    for (const [name, value] of Object.entries(state)) {
      const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
      if (field) field.value = value ?? '';
    }
  };

  const render = (state: SearchState, shown: number): void => {
    if (!run) return;
    list.replaceChildren(...run.hits.slice(0, shown).map((hit) => resultItem(hit, run!.terms)));
    const n = run.hits.length;
    const quoted = `“${state.q.trim()}”`;
    if (run.done()) {
      status.textContent = n ? `找到 ${n} 篇包含${quoted}的文章。` : `没有找到包含${quoted}的文章。请检查用字，或减少搜索词、放宽筛选条件。`;
    } else {
      status.textContent = `已找到 ${n} 篇包含${quoted}的文章，另有约 ${run.candidates - run.checked} 篇可能包含，请点“显示更多结果”。`;
    }
    more.hidden = shown >= n && run.done();
  };

  const search = async (state: SearchState): Promise<void> => {
    const id = ++current;
    const terms = parseTerms(state.q);
    if (!terms.length) {
      run = null;
      list.replaceChildren();
      status.textContent = '';
      more.hidden = true;
      document.body.dataset.searchDone = String(id);
      return;
    }
    status.textContent = '正在搜索…';
    try {
      const started = await engine.search(state, terms, PAGE_SIZE);
      if (id !== current) return;
      run = started;
      render(state, PAGE_SIZE);
    } catch (error) {
      if (id !== current) return;
      status.textContent = `搜索出错：${(error as Error).message}`;
    }
    // Tells tests and tools the results on screen are final for this search.
    document.body.dataset.searchDone = String(id);
  };

  const update = (): void => {
    const state = formState();
    const query = writeState(state);
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
    void search(state);
  };

  form.addEventListener('input', (event) => {
    clearTimeout(timer);
    // Typing waits for a pause; menus and month fields apply at once.
    if ((event.target as HTMLElement).matches('input[type=search]')) timer = setTimeout(update, TYPING_DELAY_MS);
    else update();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    update();
  });
  more.addEventListener('click', async () => {
    if (!run) return;
    const state = formState();
    const shown = list.children.length + PAGE_SIZE;
    await run.more(Math.max(0, shown - run.hits.length));
    render(state, shown);
  });

  const initial = readState(new URLSearchParams(location.search));
  fillForm(initial);
  void search(initial);
}

function resultItem(hit: Hit, terms: string[]): HTMLLIElement {
  const item = document.createElement('li');
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = `${hit.url}?hl=${encodeURIComponent(terms.join(' '))}`;
  link.append(...segmentNodes(excerpt(hit.title, terms, hit.title.length)));
  heading.append(link);
  const meta = document.createElement('p');
  meta.className = 'meta';
  meta.textContent = [hit.paper, hit.date, hit.page].filter(Boolean).join(' · ');
  const text = document.createElement('p');
  text.className = 'excerpt';
  text.append(...segmentNodes(excerpt(hit.text, terms)));
  item.append(heading, meta, text);
  return item;
}

function segmentNodes(segments: Segment[]): Node[] {
  return segments.map((s) => {
    if (!s.mark) return document.createTextNode(s.text);
    const mark = document.createElement('mark');
    mark.textContent = s.text;
    return mark;
  });
}
