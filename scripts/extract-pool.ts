// Ingest's extraction workers (issue 17: a 500,000-article archive is ~62,000 seed pages, and
// extraction is most of ingest's CPU time). Text seed files are extracted in worker threads, one per
// core, while ingest's own thread reads files, looks them up in the cache and writes what comes back.
// Extraction is pure per file (scripts/extract-seed.ts) and results are taken in file order, so the
// archive is byte-identical to an ingest in one thread (test/extract-pool.test.ts).
//
// INGEST_WORKERS sets the number of workers (0: extract in ingest's own thread); by default one per
// core (os.availableParallelism()), at most MAX_WORKERS, and none for fewer than MIN_FILES files (ingest
// with its cache starts them only once MIN_FILES files missed it: build-content.ts).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Manifest } from './pipeline/types.ts';
import type { ExtractReply, ExtractRequest } from './extract-worker.ts';

/** Below this many seed files a worker's start-up (loading the dictionaries again: ~0.3 s) costs more than it saves. */
export const MIN_FILES = 64;
/** Workers at most: the machines this runs on have 2–8 cores; past 8 the reading thread is the limit. */
const MAX_WORKERS = 8;

/** How many workers an ingest of `files` seed files uses. */
export function workerCount(files: number, env: NodeJS.ProcessEnv = process.env): number {
  if (env.INGEST_WORKERS !== undefined && env.INGEST_WORKERS !== '') {
    const n = Number(env.INGEST_WORKERS);
    return Number.isInteger(n) && n >= 0 ? Math.min(n, MAX_WORKERS) : 0;
  }
  return files < MIN_FILES ? 0 : Math.min(availableParallelism(), MAX_WORKERS);
}

interface Task {
  resolve: (json: string) => void;
  reject: (error: Error) => void;
}

export class ExtractPool {
  readonly #workers: Array<{ worker: Worker; busy: number }> = [];
  readonly #tasks = new Map<number, Task>();
  #next = 0;

  constructor(size: number, manifest: Manifest) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./extract-worker.ts', import.meta.url), { workerData: manifest });
      const slot = { worker, busy: 0 };
      worker.on('message', (reply: ExtractReply) => {
        slot.busy--;
        const task = this.#tasks.get(reply.id)!;
        this.#tasks.delete(reply.id);
        if ('json' in reply) task.resolve(reply.json);
        else task.reject(new Error(`extraction failed: ${reply.error}`));
      });
      worker.on('error', (error) => this.#failAll(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.#failAll(new Error(`an extraction worker stopped (exit ${code})`));
      });
      this.#workers.push(slot);
    }
  }

  /** The extraction of one text seed file, as JSON text of an `Extracted`. */
  extract(file: string, bytes: Uint8Array): Promise<string> {
    const slot = this.#workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.#next++;
    slot.busy++;
    return new Promise<string>((resolve, reject) => {
      this.#tasks.set(id, { resolve, reject });
      slot.worker.postMessage({ id, file, bytes } satisfies ExtractRequest);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map(({ worker }) => worker.terminate()));
  }

  #failAll(error: Error): void {
    for (const task of this.#tasks.values()) task.reject(error);
    this.#tasks.clear();
  }
}
