/** A claim of the sample article sent for review, as the tests of reviewing start from it. */
import { type TempLibrary, SAMPLE_FILE, createdId } from '../helpers/temp-library';

export const PARDONS = 'Trump has issued just a handful of pardons';

/** `checker` imports the sample and sends the pardons claim, with a verdict of True, for review. */
export async function claimInReview(lib: TempLibrary, checker: string, explanation = '') {
  await lib.call('settings.update', { userName: checker });
  const { document } = await lib.importFile(SAMPLE_FILE);
  const { text } = (await lib.call('documents.get', { id: document.id })).document;
  const start = text.indexOf(PARDONS);
  const claimId = createdId(await lib.call('claims.create', { documentId: document.id, start, end: start + PARDONS.length }));
  await lib.call('claims.update', { id: claimId, verdictLabel: 'True', explanation });
  await lib.call('claims.transition', { id: claimId, to: 'researching' });
  await lib.call('claims.transition', { id: claimId, to: 'in review' });
  return { claimId, documentId: document.id, start };
}
