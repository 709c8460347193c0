// The search index written in a thread of its own (scripts/partitioned-build.ts): indexing is mostly
// synchronous work, and on the build's own thread it held up the `astro build` jobs it runs beside —
// their output went unread and their exit unseen until it was done (200k: the first job's end was
// noticed only after the whole index, ~7 minutes later). Options in, log lines and the result out.
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { indexSearch, type IndexResult, type IndexSearchOptions } from './index-search.ts';

type Message = { log: string } | { result: IndexResult } | { error: string };

/** indexSearch in a worker thread; `log` gets its lines as they come. */
export function indexSearchInWorker(options: Omit<IndexSearchOptions, 'log'>, log: (line: string) => void): Promise<IndexResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: options });
    let settled = false;
    worker.on('message', (message: Message) => {
      if ('log' in message) log(message.log);
      else if ('result' in message) {
        settled = true;
        resolve(message.result);
      } else {
        settled = true;
        reject(new Error(message.error));
      }
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the search indexer stopped (exit ${code})`));
    });
  });
}

if (parentPort && workerData) {
  const port = parentPort;
  const options = workerData as Omit<IndexSearchOptions, 'log'>;
  indexSearch({ ...options, log: (line) => port.postMessage({ log: line } satisfies Message) }).then(
    (result) => port.postMessage({ result } satisfies Message),
    (error: unknown) => port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies Message),
  );
}
