import type { ComplaintLocation } from '../../domain/intake/normalized-complaint.js';

/**
 * The triage engine plugs into intake behind this interface: it may fill in the category and the place,
 * suggest alternatives, raise priority and add flags. The default uses only what the channel supplied.
 */
export interface TriageInput {
  text: string;
  categoryCode?: string;
  location?: ComplaintLocation;
  channel: string;
  senderKey?: string;
}

export interface TriageAssessment {
  categoryCode?: string;
  /** 1 when the citizen or an officer chose it; the model's calibrated confidence otherwise. */
  categoryConfidence?: number;
  /** True when the category may be used to route without an officer. */
  confident: boolean;
  suggestions: { code: string; confidence: number }[];
  areaCode?: string;
  areaSource?: 'given' | 'coordinates' | 'text';
  priority?: 'normal' | 'tinggi' | 'darurat';
  flags: string[];
  modelVersion?: string;
}

export interface TriageEngine {
  assess(input: TriageInput): Promise<TriageAssessment>;
  /** Drops state built from the database (boundaries, model) after an import or install in this process. */
  invalidate?(): void;
}

export const tableOnlyTriage: TriageEngine = {
  async assess(input) {
    return {
      categoryCode: input.categoryCode,
      categoryConfidence: input.categoryCode ? 1 : undefined,
      confident: Boolean(input.categoryCode),
      suggestions: [],
      areaCode: input.location?.areaCode,
      areaSource: input.location?.areaCode ? 'given' : undefined,
      flags: [],
    };
  },
};
