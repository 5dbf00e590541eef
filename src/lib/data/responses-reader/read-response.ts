import type { ReadingReference } from './structure/reading-reference';
import { findStructure, type ResponseStructure } from './structure/document-structure';
import { proposeStatuses, type Proposal } from './propose/propose-statuses';

export interface ResponseReading { structure: ResponseStructure; proposals: Proposal[] }

/** A response's text (one paragraph per line) → its structure and a proposed status per recommendation. */
export function readResponse(text: string, reference: ReadingReference, chosen: { force_id?: string; inspection_id?: string } = {}): ResponseReading {
  const structure = findStructure(text, reference, chosen);
  return { structure, proposals: proposeStatuses(structure, reference) };
}
