import { Module } from '@nestjs/common';
import { SystemResolver } from './system.resolver.js';

@Module({ providers: [SystemResolver] })
export class SystemModule {}
