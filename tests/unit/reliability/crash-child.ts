/**
 * Child process for the crash-safety test: makes edits through the real service as fast as it can and
 * prints each one only after the API acknowledged it. The parent kills it with SIGKILL at a random moment.
 */
import { createService } from '../../../src/main/api/service';
import { openLibrary } from '../../../src/main/store/open';

const [dataDir, documentId, textLength, seedArg] = process.argv.slice(2);
const db = openLibrary(dataDir!);
const service = createService({ db, mode: 'cli' });
let seed = Number(seedArg);
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const length = Number(textLength);
const created: string[] = [];

for (;;) {
  const start = Math.floor(random() * (length - 40));
  const roll = random();
  if (roll < 0.5) {
    const r = await service.call('mentions.create', { documentId, start, end: start + 1 + Math.floor(random() * 30), type: 'other' });
    if (r.ok) {
      const id = (r.value as { createdId: string }).createdId;
      created.push(id);
      process.stdout.write(`M+ ${id}\n`);
    }
  } else if (roll < 0.8) {
    const r = await service.call('claims.create', { documentId, start, end: start + 35 });
    if (r.ok) {
      const id = (r.value as { createdId: string }).createdId;
      const u = await service.call('claims.update', { id, explanation: `checked ${id}` });
      process.stdout.write(`C+ ${id}\n`);
      if (u.ok) process.stdout.write(`CE ${id}\n`);
    }
  } else if (created.length > 0) {
    const id = created.splice(Math.floor(random() * created.length), 1)[0]!;
    // Announced first: a kill after the delete commits but before its acknowledgement leaves it undecided.
    process.stdout.write(`M? ${id}\n`);
    const r = await service.call('mentions.delete', { id });
    if (r.ok) process.stdout.write(`M- ${id}\n`);
  }
}
