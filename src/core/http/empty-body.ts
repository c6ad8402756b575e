import { Type } from '@sinclair/typebox';

// For actions that take no input: no body at all (Fastify validates a missing body as null) or {};
// anything else is refused rather than ignored silently.
export const EmptyBody = Type.Union([Type.Object({}, { additionalProperties: false }), Type.Null()]);
