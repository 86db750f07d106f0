import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { GraphQLModule } from '@nestjs/graphql';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { edgeLimits } from './common/graphql/edge-limits.js';
import { IdempotencyModule } from './common/idempotency/idempotency.module.js';
import { loggerOptions } from './common/logging/logger-options.js';
import { setWebCacheHeaders } from './common/http/web-cache-headers.js';
import { RUNTIME, type Runtime } from './common/runtime.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { makeFormatError } from './graphql/format-error.js';
import { ArrangementsModule } from './modules/arrangements/arrangements.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { CasesModule } from './modules/cases/cases.module.js';
import { ClustersModule } from './modules/clusters/clusters.module.js';
import { CoordinationModule } from './modules/coordination/coordination.module.js';
import { ConversationsModule } from './modules/conversations/conversations.module.js';
import { DemoModule } from './modules/demo/demo.module.js';
import { ReferralsModule } from './modules/referrals/referrals.module.js';
import { MetricsModule } from './modules/metrics/metrics.module.js';
import { JobsModule } from './modules/jobs/jobs.module.js';
import { KeysModule } from './modules/keys/keys.module.js';
import { MatchingModule } from './modules/matching/matching.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { OverlapsModule } from './modules/overlaps/overlaps.module.js';
import { OverlapAlertsModule } from './modules/overlap-alerts/overlap-alerts.module.js';
import { InvitationsModule } from './modules/invitations/invitations.module.js';
import { OrganisationsModule } from './modules/organisations/organisations.module.js';
import { WorkingGroupsModule } from './modules/working-groups/working-groups.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { SystemModule } from './modules/system/system.module.js';
import { UsersModule } from './modules/users/users.module.js';

export const WEB_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface AppModuleOptions {
  /** false for the CLI's command context: no HTTP, no static files. */
  http: boolean;
}

@Module({})
export class AppModule {
  static register(runtime: Runtime, opts: AppModuleOptions = { http: true }): DynamicModule {
    const { config } = runtime;
    const graphqlLogger = new Logger('GraphQL');
    const limits = edgeLimits(config);
    const serveWeb = opts.http && config.SERVE_WEB && existsSync(resolve(WEB_DIST, 'index.html'));
    return {
      module: AppModule,
      global: true,
      providers: [{ provide: RUNTIME, useValue: runtime }],
      exports: [RUNTIME],
      imports: [
        LoggerModule.forRoot(loggerOptions(config)),
        // In-process events between modules (e.g. cases → matching), emitted after commit.
        EventEmitterModule.forRoot(),
        TypeOrmModule.forRoot(dataSourceOptions(runtime.databaseUrl, config.DATABASE_POOL_SIZE)),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          playground: false,
          // Opt-in: the schema is public in the repository, but a live
          // hub need not hand an attacker its map.
          introspection: config.GRAPHQL_INTROSPECTION,
          includeStacktraceInErrorResponses: false,
          allowBatchedHttpRequests: false,
          // Browsers cannot send this header cross-site without a preflight,
          // which our CORS policy (none) refuses: GraphQL CSRF protection.
          csrfPrevention: { requestHeaders: ['x-parallax-csrf'] },
          // Aliases, depth, directives, cost (GraphQL Armor), tokens, one
          // OPRF evaluation per request, text limits: all before any resolver.
          validationRules: limits.validationRules,
          parseOptions: limits.parseOptions,
          plugins: limits.plugins,
          formatError: makeFormatError((e) => graphqlLogger.error(e)),
          context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
        }),
        ...(serveWeb
          ? [
              ServeStaticModule.forRoot({
                rootPath: WEB_DIST,
                exclude: ['/graphql{*path}', '/health{*path}'],
                serveStaticOptions: {
                  index: 'index.html',
                  cacheControl: false, // set per file: hashed assets are immutable
                  setHeaders: setWebCacheHeaders,
                },
              }),
            ]
          : []),
        ArrangementsModule,
        AuditModule,
        AuthModule,
        CasesModule,
        ClustersModule,
        CoordinationModule,
        ConversationsModule,
        DemoModule,
        ReferralsModule,
        MetricsModule,
        HealthModule,
        IdempotencyModule,
        InvitationsModule,
        JobsModule,
        KeysModule,
        MatchingModule,
        NotificationsModule,
        OverlapsModule,
        OverlapAlertsModule,
        OrganisationsModule,
        SystemModule,
        UsersModule,
        WorkingGroupsModule,
      ],
    };
  }
}
