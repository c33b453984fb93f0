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
  /** The highest case id the duplicate search had seen: cases above it were still being taken in. */
  duplicateWatermark?: number;
}

/** What the late duplicate check needs of a case that has just been committed. */
export interface CommittedCase {
  id: number;
  categoryCode: string | undefined;
  text: string;
  lat?: number;
  lng?: number;
  areaCode?: string;
  createdAt: Date;
}

export interface TriageEngine {
  assess(input: TriageInput): Promise<TriageAssessment>;
  /** Drops state built from the database (boundaries, model) after an import or install in this process. */
  invalidate?(): void;
  /**
   * After commit: an open case, committed meanwhile with an id in (watermark, case id), that this case
   * duplicates above the auto-link threshold. Closes the gap where two reports of one incident arrive together
   * and each is assessed before the other exists.
   */
  lateDuplicate?(kase: CommittedCase, watermark: number): Promise<number | null>;
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
