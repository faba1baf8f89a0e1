import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, type TempLibrary, tempLibrary } from '../helpers/temp-library';
import { type Annotated, EMOJI_TEXT, annotate, type Json } from './helpers';

const MODEL = join(FIXTURES, 'w3c-annotation-model');

/** The W3C annotation-model definitions (web-platform-tests, draft-04) plus the whole-annotation wrapper. */
function w3cValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const file of readdirSync(join(MODEL, 'definitions'))) ajv.addSchema(JSON.parse(readFileSync(join(MODEL, 'definitions', file), 'utf8')));
  ajv.addSchema(JSON.parse(readFileSync(join(MODEL, 'w3cAnnotation.json'), 'utf8')));
  const get = (ref: string) => {
    const validate = ajv.getSchema(ref);
    if (!validate) throw new Error(`no schema ${ref}`);
    return validate;
  };
  return { annotation: get('w3cAnnotation.json'), get };
}

let lib: TempLibrary;
let ids: Annotated;
let collection: Json;
const w3c = w3cValidator();

beforeAll(async () => {
  lib = tempLibrary();
  ids = await annotate(lib);
  await lib.call('mentions.create', { documentId: ids.documentId, start: EMOJI_TEXT.indexOf('Trump'), end: EMOJI_TEXT.indexOf('Trump') + 5, type: 'person' });
  const exported = await lib.call('exchange.exportW3c', { documentId: ids.documentId });
  expect(exported.fileName).toMatch(/\.annotations\.jsonld$/);
  collection = JSON.parse(exported.content);
  expect(exported.annotations).toBe(4);
});
afterAll(() => lib.close());

describe('W3C Web Annotation export', () => {
  it('is an AnnotationCollection whose first page holds every annotation', () => {
    for (const ref of [
      'collections.json#/definitions/annotationCollectionTypeValueFound',
      'collections.json#/definitions/firstFound',
      'collections.json#/definitions/lastValidIfPresent',
      'collections.json#/definitions/totalDefinition',
      'collections.json#/definitions/labelDefinition'
    ]) {
      const validate = w3c.get(ref);
      expect(validate(collection), `${ref}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    const page = collection.first;
    for (const ref of [
      'collections.json#/definitions/annotationPageTypeValueFound',
      'collections.json#/definitions/partOfFound',
      'collections.json#/definitions/startIndexFound',
      'collections.json#/definitions/itemsFound'
    ]) {
      const validate = w3c.get(ref);
      expect(validate(page), `${ref}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(collection).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', total: 4, last: page.id });
    expect(page.items).toHaveLength(4);
  });

  it('validates every exported annotation against the W3C annotation-model schemas', () => {
    for (const annotation of collection.first.items) {
      expect(w3c.annotation(annotation), JSON.stringify(w3c.annotation.errors)).toBe(true);
      expect(annotation.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    }
  });

  it('the validator refuses broken annotations (it is not a rubber stamp)', () => {
    const [first] = collection.first.items;
    const broken = [
      (a: Json) => delete a['@context'],
      (a: Json) => (a.target.selector[1].start = -1),
      (a: Json) => delete a.target.selector[0].exact,
      (a: Json) => (a.motivation = 'liking'),
      (a: Json) => delete a.target
    ];
    for (const breakIt of broken) {
      const copy = structuredClone(first);
      breakIt(copy);
      expect(w3c.annotation(copy)).toBe(false);
    }
  });

  it('describes mentions and claims with motivations, bodies and code-point selectors', () => {
    const byId = new Map(collection.first.items.map((a: Json) => [a.id, a]));
    const mention: Json = byId.get(`urn:uuid:${ids.mentionId}`);
    expect(mention.motivation).toBe('identifying');
    expect(mention.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'TextualBody', purpose: 'tagging', value: 'Person' }),
        { type: 'SpecificResource', purpose: 'identifying', source: 'http://www.wikidata.org/entity/Q186304' },
        { type: 'SpecificResource', purpose: 'identifying', source: 'https://en.wikipedia.org/wiki/Kim_Kardashian' }
      ])
    );
    const claim: Json = byId.get(`urn:uuid:${ids.claimId}`);
    expect(claim.motivation).toBe('assessing');
    expect(claim.body).toEqual(expect.arrayContaining([expect.objectContaining({ purpose: 'assessing', value: 'True' })]));
    const [quote, position] = claim.target.selector;
    expect([...EMOJI_TEXT].slice(position.start, position.end).join('')).toBe(quote.exact);
    expect(claim.target.source).toBe(`urn:uuid:${ids.documentId}`);
    const tagging: Json = collection.first.items.find((a: Json) => a.target.selector[0].exact === 'Trump');
    expect(tagging.motivation).toBe('tagging');
  });
});

describe('W3C JSON-LD embedded in a page', () => {
  it('writes <, >, &, U+2028 and U+2029 as \\u escapes, so a quote cannot end a script element', async () => {
    const text = 'The mayor said </script><script>alert(1)</script> & more\u2028and\u2029so on.';
    const { document } = await lib.importText(text, 'hostile.txt');
    const exact = '</script><script>alert(1)</script> & more\u2028and';
    await lib.call('mentions.create', { documentId: document.id, start: text.indexOf(exact), end: text.indexOf(exact) + exact.length, type: 'other' });
    const { content } = await lib.call('exchange.exportW3c', { documentId: document.id });
    expect(content).not.toMatch(/[<>&\u2028\u2029]/);
    expect(content).toContain('\\u003c/script\\u003e');
    expect(JSON.stringify(JSON.parse(content))).toContain(JSON.stringify(exact).slice(1, -1));
  });
});
