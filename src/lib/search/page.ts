// The search page in the browser: reads the state from the URL, runs it on load, keeps the URL in step
// as the reader types (history.replaceState), and renders results as text nodes (never HTML). With no
// query, a filter alone lists its articles newest first; when nothing is found it says why and links
// the searches that would find something (suggest.ts).
import { SearchEngine, type Hit, type SearchRun } from './engine.ts';
import { excerpt, type Segment } from './match.ts';
import { dayRange, hasFilter, parseTerms, readState, writeState, type SearchState } from './query.ts';
import { emptyReason, suggestions } from './suggest.ts';

/** Results shown at first and per 显示更多. */
const PAGE_SIZE = 20;
const TYPING_DELAY_MS = 250;

export function startSearchPage(base: string): void {
  const form = document.querySelector<HTMLFormElement>('#search-form')!;
  const status = document.querySelector<HTMLElement>('#search-status')!;
  const list = document.querySelector<HTMLOListElement>('#search-results')!;
  const more = document.querySelector<HTMLButtonElement>('#search-more')!;
  const offers = document.querySelector<HTMLElement>('#search-suggestions')!;
  const engine = new SearchEngine(base);
  let current = 0;
  let run: SearchRun | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const formState = (): SearchState => readState(new URLSearchParams(new FormData(form) as unknown as Record<string, string>));

  const fillForm = (state: SearchState): void => {
    for (const [name, value] of Object.entries(state)) {
      const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
      if (!field) continue;
      // The date fields take days; a month in the URL stands for its first (from) or last (to) day.
      const day = name === 'to' ? dayRange({ from: null, to: value }).last : dayRange({ from: value, to: null }).first;
      field.value = field.type === 'date' ? (day ?? '') : (value ?? '');
    }
  };

  const paperName = (id: string | null): string | undefined =>
    id ? [...(form.elements.namedItem('paper') as HTMLSelectElement).options].find((o) => o.value === id)?.text : undefined;

  const render = (state: SearchState, shown: number): void => {
    if (!run) return;
    list.replaceChildren(...run.hits.slice(0, shown).map((hit) => resultItem(hit, run!.terms)));
    const n = run.total;
    const what = run.terms.length ? `包含${run.terms.map((t) => `“${t}”`).join('、')}的文章` : '文章';
    status.textContent = !n
      ? `${emptyReason(state, { paper: paperName(state.paper) })}`
      : run.complete()
        ? `找到 ${n} 篇${what}。`
        : `已找到 ${n} 篇${what}，更早的报纸中还可能有，请点“显示更多结果”。`;
    more.hidden = shown >= run.hits.length && run.done();
  };

  /** Runs each loosened search and links those that find something. */
  const suggest = async (state: SearchState, id: number): Promise<void> => {
    const found: HTMLLIElement[] = [];
    for (const s of suggestions(state)) {
      const terms = parseTerms(s.state.q);
      if (!terms.length && !hasFilter(s.state)) continue;
      const tried = await engine.search(s.state, terms, 0);
      if (id !== current) return;
      if (!tried.total) continue;
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = `?${writeState(s.state)}`;
      link.textContent = `${s.label}（${tried.complete() ? '' : '至少'}${tried.total} 篇）`;
      item.append(link);
      found.push(item);
    }
    offers.replaceChildren(...(found.length ? [heading('可以试试：'), listOf(found)] : [heading('请检查用字，或减少搜索词。')]));
  };

  const search = async (state: SearchState): Promise<void> => {
    const id = ++current;
    const terms = parseTerms(state.q);
    offers.replaceChildren();
    if (!terms.length && !hasFilter(state)) {
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
      if (!run.total) await suggest(state, id);
    } catch (error) {
      if (id !== current) return;
      status.textContent = `搜索出错：${(error as Error).message}`;
    }
    if (id !== current) return;
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
    // Typing waits for a pause; menus and date fields apply at once.
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
  // A suggestion link reloads the page with its search; following it in place keeps the engine warm.
  offers.addEventListener('click', (event) => {
    const link = (event.target as HTMLElement).closest('a');
    if (!link) return;
    event.preventDefault();
    const state = readState(new URL(link.href).searchParams);
    history.replaceState(null, '', link.search);
    fillForm(state);
    void search(state);
  });

  const initial = readState(new URLSearchParams(location.search));
  fillForm(initial);
  void search(initial);
}

function heading(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

function listOf(items: HTMLLIElement[]): HTMLUListElement {
  const ul = document.createElement('ul');
  ul.append(...items);
  return ul;
}

function resultItem(hit: Hit, terms: string[]): HTMLLIElement {
  const item = document.createElement('li');
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = terms.length ? `${hit.url}?hl=${encodeURIComponent(terms.join(' '))}` : hit.url;
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
