import { Global, Module } from '@nestjs/common';
import { CLOCK, type Clock } from '../../common/clock.js';
import { JobsService } from './jobs.service.js';

@Global()
@Module({
  providers: [
    JobsService,
    // One clock object per application, so a test can move this app's time
    // (vi.spyOn(app.get(CLOCK), 'now')) without touching another's.
    { provide: CLOCK, useFactory: (): Clock => ({ now: () => new Date() }) },
  ],
  exports: [JobsService, CLOCK],
})
export class JobsModule {}
