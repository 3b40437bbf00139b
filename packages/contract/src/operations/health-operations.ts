import Type from 'typebox';
import { publicOperation } from '../operation.js';

export const getHealth = publicOperation('GET', '/api/health', {
  operationId: 'getHealth',
  summary: 'Whether the server is up, and on which storage',
  tags: ['health'],
  response: {
    200: Type.Object({ status: Type.Literal('ok'), storage: Type.Enum(['postgres', 'pglite']) }, { additionalProperties: false }),
  },
});
