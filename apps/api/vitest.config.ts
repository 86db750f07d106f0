import { createRequire } from 'node:module';
import { defineProject } from 'vitest/config';

// Nest loads graphql's CommonJS build; tests must share that one instance
// (graphql refuses schema objects from a second copy).
export const graphqlAlias = { graphql: createRequire(import.meta.url).resolve('graphql') };

// NestJS needs legacy decorators with design-time type metadata.
export const nestTransform = { decorator: { legacy: true, emitDecoratorMetadata: true } };

export default defineProject({
  oxc: nestTransform as never,
  resolve: { conditions: ['@parallax/source'], alias: graphqlAlias },
  test: {
    name: 'api',
    include: ['src/**/*.spec.ts'],
    environment: 'node',
  },
});
