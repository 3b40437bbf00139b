// The shape of the core's AreaEvaluation (evaluateArea): each figure the map
// shows, with the numbers it is made of and the rules that made it.

const text = {
  type: 'object',
  additionalProperties: false,
  required: ['zh', 'en'],
  properties: { zh: { type: 'string' }, en: { type: 'string' } },
} as const;

const rule = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'version'],
  properties: { id: { type: 'string' }, version: { type: 'integer' } },
} as const;

const ratioOrNull = { anyOf: [{ type: 'number' }, { type: 'null' }] } as const;
const measure = { enum: ['coverage', 'testRate'] } as const;

const labelledValue = {
  type: 'object',
  additionalProperties: false,
  required: ['label', 'value'],
  properties: { label: text, value: { type: 'number' } },
} as const;

const ratioSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['measure', 'label', 'value', 'numerator', 'denominator', 'rule', 'text'],
  properties: {
    measure,
    label: text,
    value: { ...ratioOrNull, description: 'null when the denominator is 0' },
    numerator: labelledValue,
    denominator: {
      type: 'object',
      additionalProperties: false,
      required: ['label', 'value', 'parts'],
      properties: {
        label: text,
        value: { type: 'number' },
        parts: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['label', 'value', 'sign'],
            properties: { label: text, value: { type: 'number' }, sign: { enum: [1, -1] } },
          },
        },
      },
    },
    rule,
    text,
  },
} as const;

export const figuresSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['coverage', 'testRate', 'colour', 'epidemicFree'],
  properties: {
    coverage: ratioSchema,
    testRate: ratioSchema,
    colour: {
      type: 'object',
      additionalProperties: false,
      required: ['colour', 'measure', 'value', 'band', 'rule', 'text'],
      properties: {
        colour: { enum: ['red', 'orange', 'yellow', 'green', 'grey'] },
        measure,
        value: ratioOrNull,
        band: {
          anyOf: [
            {
              type: 'object',
              additionalProperties: false,
              required: ['from', 'below'],
              properties: { from: { type: 'number' }, below: ratioOrNull },
            },
            { type: 'null' },
          ],
        },
        rule,
        text,
      },
    },
    epidemicFree: {
      type: 'object',
      additionalProperties: false,
      required: ['value', 'checks', 'rule', 'text'],
      properties: {
        value: { type: 'boolean' },
        checks: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['condition', 'label', 'actual', 'threshold', 'passed'],
            properties: {
              condition: { enum: ['coverage', 'testRate', 'redCodes'] },
              label: text,
              actual: ratioOrNull,
              threshold: { type: 'number' },
              passed: { type: 'boolean' },
            },
          },
        },
        rule,
        text,
      },
    },
  },
} as const;
