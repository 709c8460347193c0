// An extraction worker of ingest (scripts/extract-pool.ts): extracts the text seed files it is sent
// and answers with each result as JSON text, the form the ingest cache stores, so the process that
// started it only writes and parses it.
import { parentPort, workerData } from 'node:worker_threads';
import { extractTextSeed } from './extract-seed.ts';
import type { Manifest } from './pipeline/types.ts';

export interface ExtractRequest {
  id: number;
  file: string;
  bytes: Uint8Array;
}

export type ExtractReply = { id: number; json: string } | { id: number; error: string };

const manifest = workerData as Manifest;
parentPort!.on('message', ({ id, file, bytes }: ExtractRequest) => {
  let reply: ExtractReply;
  try {
    reply = { id, json: JSON.stringify(extractTextSeed(bytes, file, manifest)) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
