import type { SummaryInput } from './summary-input-schema.js';

export interface SummaryField {
  /** 'headline', 'summary' or 'key_points[2]', as reported in a failure. */
  field: string;
  text: string;
}

/** The key point texts of one summary, whether given as strings or as objects with evidence. */
export function keyPointFields(summary: SummaryInput): SummaryField[] {
  return summary.key_points.map((point, index) => ({
    field: `key_points[${index}]`,
    text: typeof point === 'string' ? point : point.text,
  }));
}

/** The prose fields of one summary, in reading order (evidence is a quotation, not prose). */
export function summaryFields(summary: SummaryInput): SummaryField[] {
  return [
    { field: 'headline', text: summary.headline },
    { field: 'summary', text: summary.summary },
    ...keyPointFields(summary),
  ];
}
