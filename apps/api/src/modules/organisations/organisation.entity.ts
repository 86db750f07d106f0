import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type OrganisationKind = 'cso' | 'donor' | 'secretariat';

@Entity({ name: 'organisation' })
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'enum', enum: ['cso', 'donor', 'secretariat'], enumName: 'organisation_kind' })
  kind: OrganisationKind;

  /** The template its cases' references follow (libs/domain reference-pattern.ts), or none. */
  @Column({ name: 'case_reference_pattern', type: 'text', nullable: true })
  caseReferencePattern: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
