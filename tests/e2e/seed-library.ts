/**
 * Work done before a test opens the window, through the same HTTP API the window uses: an article
 * imported and claims taken through the workflow, so a test can start where a desk would be.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { callApi, type FactdeskApp } from './fixtures';

export const SAMPLE = fileURLToPath(new URL('../fixtures/articles/sample-ap-2018.txt', import.meta.url));
export const CHECKER = 'Ada Checker';
export const REVIEWER = 'Bea Reviewer';

interface Changes {
  claims: { upsert: { id: string }[] };
}

export async function importFile(app: FactdeskApp, path: string): Promise<string> {
  const fileName = path.split('/').pop()!;
  const dataBase64 = (await readFile(path)).toString('base64');
  const outcome = await callApi<{ document: { id: string } }>(app, 'documents.import', { fileName, dataBase64 });
  return outcome.document.id;
}

export interface SeededClaim {
  quote: string;
  text?: string;
  verdict: string;
  explanation?: string;
  evidence?: { relation: 'supports' | 'refutes' | 'context'; title: string; url: string; publisher?: string; excerpt?: string }[];
  /** How far the claim goes: sent for review, or approved by the reviewer (the default). */
  until?: 'in review' | 'verified';
}

/** Marks and researches each claim as the checker, and approves those meant to be verified as the reviewer; the checker is the user afterwards. */
export async function seedClaims(app: FactdeskApp, documentId: string, claims: SeededClaim[]): Promise<string[]> {
  const { text } = (await callApi<{ document: { text: string } }>(app, 'documents.get', { id: documentId })).document;
  const as = (userName: string) => callApi(app, 'settings.update', { userName });
  await as(CHECKER);
  const ids: string[] = [];
  for (const claim of claims) {
    const start = text.indexOf(claim.quote);
    if (start < 0) throw new Error(`"${claim.quote}" is not in the article`);
    const created = await callApi<Changes>(app, 'claims.create', {
      documentId,
      start,
      end: start + claim.quote.length,
      ...(claim.text && { text: claim.text })
    });
    const id = created.claims.upsert[0]!.id;
    await callApi(app, 'claims.update', { id, verdictLabel: claim.verdict, explanation: claim.explanation ?? '' });
    for (const evidence of claim.evidence ?? []) await callApi(app, 'evidence.create', { claimId: id, ...evidence });
    await callApi(app, 'claims.transition', { id, to: 'researching' });
    await callApi(app, 'claims.transition', { id, to: 'in review' });
    ids.push(id);
  }
  await as(REVIEWER);
  for (const [i, claim] of claims.entries()) {
    if ((claim.until ?? 'verified') === 'verified') await callApi(app, 'reviews.create', { claimId: ids[i], decision: 'approve' });
  }
  await as(CHECKER);
  return ids;
}
