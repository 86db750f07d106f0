import { Module } from '@nestjs/common';
import { DemoRepository } from './demo.repository.js';

/** What `seedDemo` needs from the container; the seed itself runs once, from main, before listening. */
@Module({ providers: [DemoRepository], exports: [DemoRepository] })
export class DemoModule {}
