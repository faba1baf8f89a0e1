/** A library whose every user-supplied string is an attack, for the escaping tests. */
import type { MethodInput } from '../../../src/shared/api/contract';
import { fixedLibrary, type FixtureOptions } from './library-fixture';

export const HOSTILE = {
  script: '<script>alert(1)</script>',
  /** Ends the script element a publisher embeds JSON-LD in, then starts one of its own. */
  scriptBreak: '</script><script>alert(1)</script><!--',
  /** JavaScript line terminators that JSON allows raw in strings. */
  separators: 'line\u2028paragraph\u2029end',
  img: '"><img src=x onerror=alert(1)>',
  jsUrl: 'javascript:alert(1)',
  markdownLink: '[click](javascript:alert(1)) *bold* _em_ `code`'
};

const ARTICLE = [
  `${HOSTILE.scriptBreak} headline ${HOSTILE.img}`,
  '',
  'President   and his staff met on Monday. The budget grew by 4 percent last year.',
  '',
  '- A list-looking line. # A heading-looking line.'
].join('\n');

export async function buildHostileLibrary(options: FixtureOptions = {}) {
  const lib = fixedLibrary(options);
  await lib.call('settings.update', {
    userName: `<script>alert('checker')</script>`,
    organisation: `</script><script>alert('org')</script>`,
    methodology: `${HOSTILE.img}\n<iframe src="javascript:alert(2)"></iframe>`,
    corrections: `</section><script>alert('corrections')</script>\n1. not a list\n- not an item\n=== not an underline`,
    publishedBaseUrl: 'https://factcheck.example.org/sheets/'
  });
  const { document } = await lib.call('documents.import', {
    fileName: 'hostile.txt',
    dataBase64: Buffer.from(ARTICLE, 'utf8').toString('base64')
  });
  const documentId = document.id;
  lib.db
    .prepare('UPDATE documents SET source_json = ? WHERE id = ?')
    .run(JSON.stringify({ fileName: '"><img src=x onerror=alert(9)>.txt', url: 'javascript:alert(7)', publisher: `${HOSTILE.script} ${HOSTILE.separators}` }), documentId);
  const view = await lib.call('documents.get', { id: documentId });
  const text = view.document.text;

  const scale = await lib.call('scales.save', {
    name: `<style>body{display:none}</style>`,
    labels: [
      { label: '<b onmouseover=alert(1)>True</b>', value: 2 },
      { label: HOSTILE.img, value: 1 },
      { label: HOSTILE.markdownLink, value: null }
    ]
  });
  await lib.call('settings.update', { verdictScaleId: scale.id });
  const claimant = (await lib.call('entities.create', { documentId, name: `<img src=x onerror=alert('claimant')></script><script>alert('claimant')</script>`, type: 'person' })).createdId!;
  const gap = view.gaps[0]!;
  await lib.call('mentions.create', {
    documentId, start: gap.start, end: gap.end, type: 'person', masked: true, restoration: `</mark><script>alert('r')</script>`
  });

  const claim = async (quote: string, claimText: string, verdictLabel: string) => {
    const start = text.indexOf(quote);
    const id = (await lib.call('claims.create', { documentId, start, end: start + quote.length, text: claimText })).createdId!;
    await lib.call('claims.update', { id, verdictLabel, claimantId: claimant, claimDate: '<script>alert(8)</script>', explanation: `${HOSTILE.img}\n${HOSTILE.markdownLink}` });
    return id;
  };
  const first = await claim('President   and his staff met on Monday.', HOSTILE.scriptBreak, '<b onmouseover=alert(1)>True</b>');
  const second = await claim('The budget grew by 4 percent last year.', `${HOSTILE.markdownLink} ${HOSTILE.img}`, HOSTILE.img);
  const third = await claim('- A list-looking line.', '# not a heading\n1. not a list', HOSTILE.markdownLink);
  const hostileLinks: [url: string, archivedUrl: string, id: string][] = [];
  const evidence = async (input: MethodInput<'evidence.create'>, url: string, archivedUrl = '') => {
    hostileLinks.push([url, archivedUrl, (await lib.call('evidence.create', input)).createdId!]);
  };
  await evidence(
    { claimId: first, relation: 'supports', title: HOSTILE.img, publisher: '<svg onload=alert(1)>', accessedAt: `'><script>alert(3)</script>`, excerpt: `</blockquote><script>alert(4)</script>` },
    HOSTILE.jsUrl,
    ' JAVASCRIPT:alert(2)'
  );
  await evidence({ claimId: first, relation: 'refutes', title: 'data link' }, 'data:text/html,<script>alert(5)</script>', 'https://example.org/a"onmouseover="alert(6)');
  await evidence({ claimId: second, relation: 'context', title: HOSTILE.markdownLink }, 'https://example.org/?q=<script>&x="y"');
  await evidence({ claimId: third, relation: 'context', title: '' }, 'vbscript:msgbox(1)');
  // The API refuses links that are not web addresses; a library written before that check, or a
  // shared file from elsewhere, can still hold them, so they are written straight into the table.
  const setLinks = lib.db.prepare('UPDATE evidence SET url = ?, archived_url = ? WHERE id = ?');
  for (const links of hostileLinks) setLinks.run(...links);

  for (const id of [first, second, third]) {
    await lib.call('claims.transition', { id, to: 'researching' });
    await lib.call('claims.transition', { id, to: 'in review' });
  }
  await lib.call('settings.update', { userName: `"><img src=x onerror=alert('reviewer')>` });
  for (const id of [first, second, third]) await lib.call('reviews.create', { claimId: id, decision: 'approve' });
  return { lib, documentId, claims: [first, second, third] };
}
