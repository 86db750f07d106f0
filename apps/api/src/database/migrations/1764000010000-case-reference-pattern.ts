import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An organisation's case reference pattern (issue 10): a template such as
 * `UA-####-@@` (see libs/domain reference-pattern.ts) that the hub enforces
 * on its cases' references. A column of `organisation`, whose row-level
 * policies already let the organisation's own admins (and no one else among
 * tenants) change its row; the template is checked by the API, the length
 * here too.
 */
export class CaseReferencePattern1764000010000 implements MigrationInterface {
  name = 'CaseReferencePattern1764000010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organisation ADD COLUMN case_reference_pattern text
        CONSTRAINT organisation_case_reference_pattern_length
        CHECK (char_length(case_reference_pattern) BETWEEN 1 AND 64)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisation DROP COLUMN case_reference_pattern`);
  }
}
