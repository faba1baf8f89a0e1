import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { csvColumns, csvField } from '../../../src/main/export/csv';
import { parseCsv } from '../../../src/main/export/csv-read';
import { type SampleSheetLibrary, buildSampleSheetLibrary } from './library-fixture';

let sample: SampleSheetLibrary;
afterEach(() => sample?.lib.close());

async function exportCsv(s: SampleSheetLibrary) {
  const text = (await s.lib.call('export.factSheet', { documentId: s.documentId, format: 'csv' })).text!;
  expect(text.startsWith('\uFEFFclaim,verdict,claimant,')).toBe(true); // spreadsheet apps read UTF-8 by the BOM
  return text.slice(1);
}

describe('CSV fact sheet', () => {
  it('is RFC 4180: header row, one CRLF-terminated row per verified claim, parsed back by csv-parse', async () => {
    sample = await buildSampleSheetLibrary();
    const text = await exportCsv(sample);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/"[^"]*"/g, '').match(/\n/g)!.length).toBe(text.replace(/"[^"]*"/g, '').match(/\r\n/g)!.length);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    // The reader's columns first, then two evidence groups (the most any claim has), then provenance.
    expect(Object.keys(rows[0]!)).toEqual(csvColumns(2));
    expect(csvColumns(2).slice(0, 4)).toEqual(['claim', 'verdict', 'claimant', 'claim_date']);
    expect(csvColumns(2).slice(-2)).toEqual(['claim_fingerprint', 'signed_approval']);
    expect(rows.map((row) => row.claim_id)).toEqual([sample.verified.visit, sample.verified.johnson, sample.verified.pardons]);
    const [visit, , pardons] = rows;
    expect(visit).toMatchObject({
      document_id: sample.documentId,
      verdict: 'True',
      verdict_value: '5',
      claimant: 'The Associated Press',
      reviewed_by: expect.stringMatching(/^Rui Reviewer \(key [0-9a-f]{4}( [0-9a-f]{4}){3}\)$/),
      explanation: 'The White House confirmed the meeting.\nThe president posted about it the same day.',
      evidence_count: '2'
    });
    expect(visit!.article_quote).toContain('President [Donald Trump] and his staff');
    expect(visit).toMatchObject({
      evidence_1_relation: 'Supports',
      evidence_1_title: 'Trump confirms meeting with Kim Kardashian West',
      evidence_1_url: 'https://www.example.org/news/2018/05/30/trump-kardashian-meeting',
      evidence_2_relation: 'Context',
      evidence_2_publisher: 'Example Justice Project'
    });
    expect(pardons).toMatchObject({ evidence_count: '1', evidence_2_relation: '', evidence_2_title: '' });
    expect(visit!.article_title).toBe(
      'Reality TV star […] paid a visit to the […] to make a star-powered case to President […] and his staff on behalf of a woman serving a life sentence for drug offences.'
    );
    expect(pardons).toMatchObject({ reviewed_by: expect.stringMatching(/^self-reviewed by Ana Checker \(key /), self_reviewed: 'yes' });
    expect(pardons!.explanation).toBe('Five pardons by the end of May 2018; "a handful" fits, if loosely.');
    expect(new Set(rows.map((row) => row.sheet_digest)).size).toBe(1);
    // Our own reader (used by verify-sheet) agrees with csv-parse.
    expect(parseCsv(text)).toEqual(parse(text));
  });

  it('neutralises formula-looking cells and keeps quotes, commas and line breaks intact', async () => {
    sample = await buildSampleSheetLibrary();
    const { visit } = sample.verified;
    await sample.lib.call('claims.update', { id: visit, text: '=HYPERLINK("http://evil.example","click")', explanation: '+1, "quoted"\r\n-2' });
    await sample.lib.call('evidence.create', { claimId: visit, relation: 'context', title: '@SUM(A1:A9)', publisher: '\tTab' });
    await sample.lib.call('claims.transition', { id: visit, to: 'verified', confirmSelfReview: true });
    const rows = parse(await exportCsv(sample), { columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r.claim_id === visit)!;
    expect(row.claim).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(row.explanation).toBe('\'+1, "quoted"\r\n-2');
    expect(row).toMatchObject({ evidence_3_relation: 'Context', evidence_3_title: "'@SUM(A1:A9)", evidence_3_publisher: "'\tTab" });
    for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('neutralises a formula behind leading spaces or a line break, and leaves inner signs alone', () => {
    expect(csvField('  =1+2')).toBe("'  =1+2");
    expect(csvField(' @cmd')).toBe("' @cmd");
    expect(csvField('\n-3')).toBe('"\'\n-3"');
    expect(csvField('a = b - c')).toBe('a = b - c');
  });

  it('quotes only when needed and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('-5')).toBe("'-5");
    expect(csvField('=1+1,2')).toBe('"\'=1+1,2"');
    expect(csvField('\rx')).toBe('"\'\rx"');
  });
});
