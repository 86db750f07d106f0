import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who holds a copy of a cluster message, for the people who hold one.
 *
 * A recipient sees only its own row of `cluster_message_copy` (the others'
 * ciphertext is none of its business), yet the conversation shows whom a
 * message went to. This SECURITY DEFINER function answers that list for the
 * sender and the recipients of the message only (null for anyone else), so
 * the copy table's policy stays as narrow as it is. The list the recipients
 * trust is the signed one inside their copy; this one is for display.
 */
export class ClusterMessageRecipients1764000013200 implements MigrationInterface {
  name = 'ClusterMessageRecipients1764000013200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION parallax_cluster_message_recipients(message uuid) RETURNS uuid[]
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT array_agg(k.recipient_user_id ORDER BY k.recipient_user_id)
        FROM cluster_message_copy k
        WHERE k.message_id = message
          AND EXISTS (SELECT 1 FROM cluster_message_copy mine WHERE mine.message_id = message
                      AND parallax_setting_uuid('parallax.user_id') IN (mine.recipient_user_id, mine.sender_user_id))
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION parallax_cluster_message_recipients(uuid) FROM PUBLIC`);
    await q.query(
      `GRANT EXECUTE ON FUNCTION parallax_cluster_message_recipients(uuid) TO parallax_tenant`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION parallax_cluster_message_recipients(uuid)`);
  }
}
