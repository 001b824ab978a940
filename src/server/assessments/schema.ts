import { z } from 'zod';
import { assessmentDomains, informationSources, prognoses } from '../../domain/cases/vocabulary';
import { choices, dateInput, optionalChoice, optionalText, version } from '../http/fields';

const domainBody = z.object({
  domain: z.enum(assessmentDomains),
  situation: optionalText(4000),
  issues: optionalText(4000),
  directFactors: optionalText(2000),
  indirectFactors: optionalText(2000),
  sources: choices(informationSources),
});

export const assessmentFields = z.object({
  assessedOn: dateInput,
  strengths: optionalText(4000),
  prognosis: optionalChoice(prognoses),
  workerView: optionalText(4000),
  domains: z
    .array(domainBody)
    .max(assessmentDomains.length)
    .default([])
    .refine((list) => new Set(list.map((d) => d.domain)).size === list.length, 'invalid'),
});

export const assessmentUpdateBody = z.object({ version, assessment: assessmentFields });
export const assessmentVersionBody = z.object({ version });
export const reviewBody = z.object({ version, chiefReview: z.string().trim().min(1).max(4000) });
/** A new assessment: the case's version, as the first one may move the case to アセスメント中. */
export const newAssessmentBody = z.object({ caseVersion: version });

export type AssessmentInput = z.output<typeof assessmentFields>;
