import { Module } from '@nestjs/common';
import { CoordinationResolver } from './coordination.resolver.js';
import { CoordinationService } from './coordination.service.js';

@Module({ providers: [CoordinationService, CoordinationResolver] })
export class CoordinationModule {}
