import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../models.js';
import { processFile } from '../pipeline.js';
import { toStoreRecord } from './record.js';

/** Worker thread: file path in, processed document out (see store/parallel.ts). */
const password = (workerData as { password?: string } | null)?.password;
parentPort!.on('message', async (path: string) => {
  try {
    const processed = toStoreRecord(await processFile(path, { password }));
    parentPort!.postMessage({ ok: true, processed });
  } catch (e) {
    const input = e instanceof InputError;
    parentPort!.postMessage({ ok: false, path, input, reason: input ? (e as InputError).reason : `internal error: ${(e as Error).message?.split('\n')[0]}` });
  }
});
