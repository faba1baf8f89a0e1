/**
 * A real temp library with a fact-checked article for the export tests: fixed clock and ids,
 * so the same calls always give the same sheet. The sample article's four masked-name gaps
 * get restorations; three claims are verified (one self-reviewed), three are left out.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChangeSet } from '../../../src/shared/api/changes';
import type { MethodInput, MethodName, MethodOutput } from '../../../src/shared/api/contract';
import type { Result } from '../../../src/shared/result';
import { createService } from '../../../src/main/api/service';
import type { PrintToPdf } from '../../../src/main/export/pdf';
import { type Db, openLibrary } from '../../../src/main/store/open';
import { FIXTURES, SAMPLE_FILE } from '../helpers/temp-library';
import { keyFile, keyFolder } from '../../../src/main/identity/user-keys';

export const CHECKER = 'Ana Checker';
export const REVIEWER = 'Rui Reviewer';
/** The published fact-check address the sample's sheet is given. */
export const PUBLISHED_AT = 'https://factcheck.example.org/2018/kardashian-visit';

export interface FixtureOptions {
  /** Time of the first call (ISO); each call through `call` happens one minute after the one before. */
  start?: string;
  printToPdf?: PrintToPdf;
  dir?: string;
}

/**
 * A library with a clock and ids that depend only on the sequence of calls made through `call`:
 * call N runs at start + N minutes, and the k-th id it creates is 00000000-0000-4000-8kkk-00000000NNNN.
 * So the golden files do not change when a handler reads the clock or makes ids more or less often.
 */
export function fixedLibrary({ start = '2026-03-02T09:00:00.000Z', printToPdf, dir }: FixtureOptions = {}) {
  const folder = dir ?? mkdtempSync(join(tmpdir(), 'factdesk-export-'));
  const db: Db = openLibrary(folder);
  installFixedKeys(db);
  const startMs = Date.parse(start);
  let callNumber = 0;
  let idsInCall = 0;
  const service = createService({
    db,
    mode: 'cli',
    clock: () => new Date(startMs + callNumber * 60_000),
    newId: () =>
      `00000000-0000-4000-8${(idsInCall += 1).toString(16).padStart(3, '0')}-${String(callNumber).padStart(12, '0')}`,
    version: '1.2.3-test',
    ...(printToPdf && { printToPdf })
  });

  async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    callNumber += 1;
    idsInCall = 0;
    const result = (await service.call(method, input)) as Result<MethodOutput<M>>;
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
    return result.value;
  }

  const as = (userName: string) => call('settings.update', { userName });

  return {
    dir: folder,
    db,
    service,
    call,
    as,
    close(keepFolder = false) {
      db.close();
      if (!keepFolder) rmSync(folder, { recursive: true, force: true });
    }
  };
}

export type FixedLibrary = ReturnType<typeof fixedLibrary>;

/** The checker's and reviewer's keys from tests/fixtures/keys: signatures (and so golden sheets) stay the same. */
function installFixedKeys(db: Db) {
  const folder = keyFolder(db);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  for (const [user, file] of [[CHECKER, 'checker.pem'], [REVIEWER, 'reviewer.pem']] as const) {
    const target = keyFile(folder, user);
    if (!existsSync(target)) copyFileSync(join(FIXTURES, 'keys', file), target);
  }
}

const created = (changes: ChangeSet) => changes.createdId!;

export interface ClaimSpec {
  quote: string;
  text?: string;
  claimantId?: string | null;
  claimDate?: string;
  verdict?: string;
  explanation?: string;
  evidence?: MethodInput<'evidence.create'>[];
}

/** Marks a claim by its exact quote and fills in its research (as the checker). */
export async function researchedClaim(lib: FixedLibrary, documentId: string, text: string, spec: ClaimSpec) {
  const start = text.indexOf(spec.quote);
  if (start < 0) throw new Error(`quote not in the article: ${spec.quote}`);
  const id = created(await lib.call('claims.create', { documentId, start, end: start + spec.quote.length, ...(spec.text && { text: spec.text }) }));
  await lib.call('claims.update', {
    id,
    ...(spec.claimantId !== undefined && { claimantId: spec.claimantId }),
    ...(spec.claimDate !== undefined && { claimDate: spec.claimDate }),
    ...(spec.verdict !== undefined && { verdictLabel: spec.verdict }),
    ...(spec.explanation !== undefined && { explanation: spec.explanation })
  });
  for (const evidence of spec.evidence ?? []) await lib.call('evidence.create', { ...evidence, claimId: id });
  return id;
}

/** Moves a researched claim through the workflow to `in review`. */
export async function sendToReview(lib: FixedLibrary, id: string) {
  await lib.call('claims.transition', { id, to: 'researching' });
  await lib.call('claims.transition', { id, to: 'in review' });
}

/** The golden-file article: the AP sample with restorations, three verified and three left-out claims. */
export async function buildSampleSheetLibrary(options: FixtureOptions = {}) {
  const lib = fixedLibrary(options);
  await lib.call('settings.update', {
    userName: CHECKER,
    organisation: 'Factdesk Test Desk',
    publishedBaseUrl: PUBLISHED_AT,
    methodology: 'Every claim is checked against two independent sources.\nA second editor reviews each verdict before publication.',
    corrections: 'Write to corrections@example.org; corrections are dated and listed here.'
  });
  const { document } = await lib.call('documents.import', {
    fileName: 'sample-ap-2018.txt',
    dataBase64: readFileSync(SAMPLE_FILE).toString('base64')
  });
  const documentId = document.id;
  // A .txt import knows no web address or publisher; give the article those an HTML import would record.
  lib.db
    .prepare('UPDATE documents SET source_json = ? WHERE id = ?')
    .run(
      JSON.stringify({
        fileName: 'sample-ap-2018.txt',
        url: 'https://apnews.com/article/kim-kardashian-west-trump-visit',
        publisher: 'The Associated Press',
        publishedAt: '2018-05-30'
      }),
      documentId
    );
  const view = await lib.call('documents.get', { id: documentId });
  const text = view.document.text;

  const entity = async (name: string, type: string) => created(await lib.call('entities.create', { documentId, name, type }));
  const kim = await entity('Kim Kardashian West', 'person');
  const whiteHouse = await entity('White House', 'location');
  const trump = await entity('Donald Trump', 'person');
  const arpaio = await entity('Joe Arpaio', 'person');
  const ap = await entity('The Associated Press', 'organization');
  const restorations = [
    [kim, 'Kim Kardashian West', 'person'],
    [whiteHouse, 'White House', 'location'],
    [trump, 'Donald Trump', 'person'],
    [arpaio, 'Joe Arpaio', 'person']
  ] as const;
  for (const [i, gap] of view.gaps.entries()) {
    const [entityId, restoration, type] = restorations[i]!;
    await lib.call('mentions.create', { documentId, start: gap.start, end: gap.end, type, masked: true, restoration, entityId });
  }

  const visit = await researchedClaim(lib, documentId, text, {
    quote: 'Reality TV star   paid a visit to the   to make a star-powered case to President   and his staff on behalf of a woman serving a life sentence for drug offences.',
    text: 'Kim Kardashian West visited the White House to ask President Trump to pardon a woman serving a life sentence.',
    claimantId: ap,
    claimDate: '2018-05-30',
    verdict: 'True',
    explanation: 'The White House confirmed the meeting.\nThe president posted about it the same day.',
    evidence: [
      {
        claimId: '',
        relation: 'supports',
        title: 'Trump confirms meeting with Kim Kardashian West',
        url: 'https://www.example.org/news/2018/05/30/trump-kardashian-meeting',
        archivedUrl: 'https://web.archive.org/web/20180531000000/https://www.example.org/news/2018/05/30/trump-kardashian-meeting',
        publisher: 'Example News',
        accessedAt: '2026-02-27',
        excerpt: '"Great meeting with @KimKardashian today, talked about prison reform and sentencing."'
      },
      {
        claimId: '',
        relation: 'context',
        title: 'Clemency request of Alice Marie Johnson',
        url: 'https://www.example.org/clemency/alice-marie-johnson',
        publisher: 'Example Justice Project',
        accessedAt: '2026-02-27'
      }
    ]
  });
  const pardons = await researchedClaim(lib, documentId, text, {
    quote: 'Trump has issued just a handful of pardons, including one for former Maricopa County Sheriff  , a staunch campaign supporter',
    text: 'Trump has issued just a handful of pardons',
    claimantId: ap,
    claimDate: '2018-05-30',
    verdict: 'Mostly true',
    explanation: 'Five pardons by the end of May 2018; "a handful" fits, if loosely.',
    evidence: [
      {
        claimId: '',
        relation: 'supports',
        title: 'Pardons granted by President Donald Trump (2017-present)',
        url: 'https://www.example.org/pardon/pardons-granted-president-donald-trump',
        publisher: 'Office of the Pardon Attorney',
        accessedAt: '2026-02-28',
        excerpt: 'Five grants of clemency were recorded up to 31 May 2018.'
      }
    ]
  });
  const johnson = await researchedClaim(lib, documentId, text, {
    quote: 'Alice Marie Johnson, 63, who has spent more than two decades behind bars and is not eligible for parole',
    text: 'Alice Marie Johnson has spent more than two decades in prison and cannot get parole.',
    claimantId: kim,
    claimDate: 'June 2018',
    verdict: 'Misleading',
    explanation: 'She had served 21 years; federal life sentences carry no parole, but clemency was possible.',
    evidence: [
      {
        claimId: '',
        relation: 'refutes',
        title: 'Federal sentencing: parole abolished',
        url: 'https://www.example.org/sentencing/parole',
        publisher: 'Example Law Review',
        accessedAt: '2026-02-28',
        excerpt: 'Parole was abolished for federal offences committed after 1 November 1987.'
      }
    ]
  });
  const posthumous = await researchedClaim(lib, documentId, text, {
    quote: "Trump last week granted a rare posthumous pardon to boxing's first black heavyweight champion",
    claimantId: ap,
    verdict: 'True'
  });
  const stallone = await researchedClaim(lib, documentId, text, {
    quote: 'The boxer\'s pardon had been championed by actor Sylvester Stallone',
    verdict: 'Unverifiable'
  });
  const dragon = await researchedClaim(lib, documentId, text, {
    quote: 'rapper Kanye West, recently offered his support for Trump in a series of tweets'
  });

  for (const id of [visit, pardons, johnson, posthumous]) await sendToReview(lib, id);
  await lib.call('claims.transition', { id: stallone, to: 'researching' });
  await lib.call('claims.transition', { id: pardons, to: 'verified', confirmSelfReview: true });

  await lib.as(REVIEWER);
  await lib.call('reviews.create', { claimId: visit, decision: 'approve', comment: 'Both sources check out.' });
  await lib.call('reviews.create', { claimId: johnson, decision: 'approve' });
  await lib.call('reviews.create', { claimId: posthumous, decision: 'comment', comment: 'Which week exactly?' });
  await lib.as(CHECKER);

  return {
    lib,
    documentId,
    text,
    verified: { visit, pardons, johnson },
    leftOut: { posthumous, stallone, dragon },
    entities: { kim, whiteHouse, trump, arpaio, ap }
  };
}

export type SampleSheetLibrary = Awaited<ReturnType<typeof buildSampleSheetLibrary>>;
