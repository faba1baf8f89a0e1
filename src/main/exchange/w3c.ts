/**
 * W3C Web Annotation export (https://www.w3.org/TR/annotation-model/): the document's accepted
 * mentions and its claims as an AnnotationCollection whose first (and only) AnnotationPage holds
 * every annotation. Targets carry a TextQuoteSelector and a TextPositionSelector in code points;
 * the source is the article's URL when it has one, else a urn:uuid naming the document.
 *   mention → motivation "identifying" (linked to an entity) or "tagging"; bodies: the label,
 *             the entity's name and its external ids as URLs, a masked name's restoration;
 *   claim   → "assessing" once it has a verdict, else "commenting"; bodies: the claim as checked,
 *             the verdict, the explanation, the evidence links.
 */
import type { ExportedFile } from '../../shared/api/methods/exchange';
import { CodePointIndex } from '../../shared/anchoring/code-points';
import { selectorsOf } from '../../shared/anchoring/selectors';
import type { ArticleDocument, Claim, Entity, Evidence, LabelType, Mention } from '../../shared/domain';
import { scriptSafeJson } from '../export/script-safe-json';
import { uuidUrn } from './urn';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface W3cSource {
  document: ArticleDocument;
  mentions: Mention[];
  claims: Claim[];
  evidence: Evidence[];
  entities: Map<string, Entity>;
  labels: LabelType[];
}

type Body = Record<string, string>;

const textual = (purpose: string, value: string): Body => ({ type: 'TextualBody', purpose, value, format: 'text/plain' });
const linked = (purpose: string, source: string): Body => ({ type: 'SpecificResource', purpose, source });

const HTTP_URL = /^https?:\/\/[^\s]+$/i;

/** An entity's external ids as dereferenceable URLs (Wikidata QIDs and http(s) URLs). */
export function entityUrls(entity: Entity): string[] {
  return Object.entries(entity.externalIds).flatMap(([key, value]) => {
    if (HTTP_URL.test(value)) return [value];
    if (key.toLowerCase() === 'wikidata' && /^Q\d+$/.test(value)) return [`http://www.wikidata.org/entity/${value}`];
    return [];
  });
}

export function w3cCollection(source: W3cSource, fileBase: string): ExportedFile & { annotations: number } {
  const { document } = source;
  const index = new CodePointIndex(document.text);
  const targetSource = document.source.url && HTTP_URL.test(document.source.url) ? document.source.url : uuidUrn(document.id);
  const target = (record: Mention | Claim) => ({ source: targetSource, selector: selectorsOf(index, record, record.start, record.end) });
  const labelName = new Map(source.labels.map((label) => [label.key, label.name]));
  const evidenceOf = (claimId: string) => source.evidence.filter((e) => e.claimId === claimId);
  const stamp = (record: Mention | Claim) => ({
    creator: { type: 'Person', name: record.author },
    created: record.createdAt,
    modified: record.updatedAt
  });

  const mentions = source.mentions
    .filter((m) => m.status === 'accepted')
    .map((m) => {
      const entity = m.entityId ? source.entities.get(m.entityId) : undefined;
      const body: Body[] = [textual('tagging', labelName.get(m.type) ?? m.type)];
      if (entity) body.push(textual('identifying', entity.name), ...entityUrls(entity).map((url) => linked('identifying', url)));
      if (m.masked && m.restoration) body.push(textual('editing', m.restoration));
      return { m, annotation: { id: uuidUrn(m.id), motivation: entity ? 'identifying' : 'tagging', ...stamp(m), body, target: target(m) } };
    });
  const claims = source.claims.map((c) => {
    const body: Body[] = [textual('describing', c.text || c.exact)];
    if (c.verdict) body.push(textual('assessing', c.verdict.label));
    if (c.explanation.trim()) body.push(textual('commenting', c.explanation));
    for (const e of evidenceOf(c.id)) {
      for (const url of [e.url, e.archivedUrl]) if (HTTP_URL.test(url)) body.push(linked('linking', url));
    }
    return { m: c, annotation: { id: uuidUrn(c.id), motivation: c.verdict ? 'assessing' : 'commenting', ...stamp(c), body, target: target(c) } };
  });
  const items = [...mentions, ...claims]
    .sort((a, b) => a.m.start - b.m.start || b.m.end - a.m.end)
    .map(({ annotation }) => ({ '@context': ANNO_CONTEXT, type: 'Annotation', ...annotation }));

  const collectionId = uuidUrn(`annotations-of:${document.id}`);
  const pageId = uuidUrn(`annotations-of:${document.id}:page-1`);
  const collection = {
    '@context': ANNO_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label: `Factdesk annotations: ${document.title}`,
    total: items.length,
    ...(items.length > 0 && {
      first: { id: pageId, type: 'AnnotationPage', partOf: collectionId, startIndex: 0, items },
      last: pageId
    })
  };
  return {
    fileName: `${fileBase}.annotations.jsonld`,
    mediaType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    content: `${scriptSafeJson(collection)}\n`,
    annotations: items.length
  };
}
