import { Injectable } from '@nestjs/common';

/** Set once SIGTERM arrives, so readiness fails while in-flight work drains. */
@Injectable()
export class ShutdownState {
  stopping = false;
}
