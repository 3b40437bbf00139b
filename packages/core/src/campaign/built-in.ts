import { ELDERLY_VACCINATION_RULES, NUCLEIC_ACID_RULES, type CountingRules } from '../rules/counting-rules.js';
import { ELDERLY_VACCINATION_TEMPLATE } from './elderly-vaccination-template.js';
import { NUCLEIC_ACID_TEMPLATE } from './nucleic-acid-template.js';
import type { CampaignTemplate } from './template.js';

/** The templates every gridsweep knows from the start; an administrator adds others as data. */
export const BUILT_IN_TEMPLATES: readonly CampaignTemplate[] = [NUCLEIC_ACID_TEMPLATE, ELDERLY_VACCINATION_TEMPLATE];

/** The default rules of each built-in template. */
export const BUILT_IN_RULES: readonly CountingRules[] = [NUCLEIC_ACID_RULES, ELDERLY_VACCINATION_RULES];
