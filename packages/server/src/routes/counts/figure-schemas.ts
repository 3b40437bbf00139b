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
const measure = { type: 'string', description: "A measure id of the round's template" } as const;

const labelledValue = {
  type: 'object',
  additionalProperties: false,
  required: ['path', 'label', 'value'],
  properties: { path: { type: 'string' }, label: text, value: { type: 'number' } },
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
      required: ['path', 'label', 'value', 'parts'],
      properties: {
        path: { type: 'string' },
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
  required: ['shares', 'colour', 'goal'],
  properties: {
    shares: { type: 'object', description: "Every share measure of the round's template, by measure id.", additionalProperties: ratioSchema },
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
    goal: {
      description: "The rules' goal (无疫 for a test round) and each of its conditions; null when the rules set none.",
      anyOf: [{ type: 'null' }, {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'value', 'checks', 'rule', 'text'],
      properties: {
        name: text,
        value: { type: 'boolean' },
        checks: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['condition', 'label', 'bound', 'actual', 'threshold', 'passed'],
            properties: {
              condition: { type: 'string', description: 'A share measure id, or a count path such as markers.red' },
              label: text,
              bound: { enum: ['min', 'max'] },
              actual: ratioOrNull,
              threshold: { type: 'number' },
              passed: { type: 'boolean' },
            },
          },
        },
        rule,
        text,
      },
    }],
    },
  },
} as const;
