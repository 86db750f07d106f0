import { Module } from '@nestjs/common';
import { CoordinationRepository } from './coordination.repository.js';
import { CoordinationResolver } from './coordination.resolver.js';
import { CoordinationService } from './coordination.service.js';

@Module({ providers: [CoordinationRepository, CoordinationService, CoordinationResolver] })
export class CoordinationModule {}
