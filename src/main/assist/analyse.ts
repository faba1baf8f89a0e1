/**
 * The whole suggestion pass for one text, split in two halves so a pool of worker threads can
 * share it: `analyseChunk` (the NLP libraries, per chunk, in parallel) and `finishAnalysis`
 * (settling spans and types over the whole text, scoring its sentences).
 */
import { type ClaimCandidate, suggestClaims } from './claims/suggest';
import type { EntityCandidate, KnowledgeTerm } from './entities/candidate';
import { type ChunkAnalysis, analyseChunk, combineEntities } from './entities/suggest';
import { type LanguageCheck, checkLanguage } from './language';
import { chunkText } from './text/chunks';

export interface AnalyseRequest {
  text: string;
  /** Names the library knows (entities, aliases, accepted mentions), matched whole-word. */
  knowledge: KnowledgeTerm[];
  /** Score sentences for check-worthiness too. */
  claims: boolean;
}

export interface AnalyseResult {
  language: LanguageCheck;
  entities: EntityCandidate[];
  /** Best first; empty unless requested. */
  claims: ClaimCandidate[];
}

export function finishAnalysis(request: AnalyseRequest, analyses: ChunkAnalysis[]): AnalyseResult {
  const entities = combineEntities(request.text, request.knowledge, analyses);
  return {
    language: checkLanguage(request.text),
    entities,
    claims: request.claims ? suggestClaims(request.text, entities) : []
  };
}

/** The same pass in the calling thread (tests, the gold-set measurement). */
export function analyseText(request: AnalyseRequest): AnalyseResult {
  return finishAnalysis(request, chunkText(request.text).map(analyseChunk));
}

export type { ChunkAnalysis };
