import { MigrationInterface, QueryRunner } from 'typeorm';

/** The default tree (department, then its features) that a new installation starts with; admins edit it at run time. */
const defaultCategories: [department: string, features: string[]][] = [
  ['Admin menu', ['Core functionality', 'Discover, Coach & Share', 'Settings', 'Theme settings', 'Communication center']],
  ['API', []],
  ['Apps and add-ons', []],
  ['Service request', ['Activate app', 'Platform sync (production / sandbox)', 'Enable chat', 'Billing', 'Account service']],
  ['Content marketplace', ['Content issue', 'Configuration']],
  ['Notifications', []],
  ['Mobile app', ['Go.Learn', 'Branded mobile app']],
  ['Performance', ['Platform outage', 'General latency', 'SSL certificates']],
  ['Reports', []],
  ['Security', []],
  ['Salesforce', ['User sync', 'Courses sync', 'Enrollment sync', 'Embedded view', 'Other']],
  ['Single sign-on', []],
  ['Subscriptions', []],
  ['UI/UX', ['Learner issue', 'Admin issue']],
  ['Connect', ['Recipes', 'Connections', 'Reporting']],
  ['Headless learning', []],
  ['Learning evaluations', []],
  ['Creator', []],
  ['University', []],
  ['Learn Data', []],
];

/**
 * Categories: one row per department (feature null) and one per feature beneath it, so a ticket points at one row
 * that names both. Tickets' free-text category (the support address's default) becomes a reference: a label that
 * names a department or a "Department / Feature" path finds its row; any other label is dropped.
 */
export class TicketCategories1763900000220 implements MigrationInterface {
  name = 'TicketCategories1763900000220';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE categories (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department text NOT NULL CHECK (length(department) BETWEEN 1 AND 100 AND position(' / ' IN department) = 0),
        feature text CHECK (length(feature) BETWEEN 1 AND 100),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query("CREATE UNIQUE INDEX categories_path ON categories (lower(department), lower(coalesce(feature, '')))");
    for (const [department, features] of defaultCategories) {
      await queryRunner.query('INSERT INTO categories (department, feature) SELECT $1, unnest($2::text[])', [
        department,
        [null, ...features],
      ]);
    }
    await queryRunner.query('ALTER TABLE tickets ADD COLUMN category_id uuid REFERENCES categories (id)');
    await queryRunner.query(`
      UPDATE tickets SET category_id = category.id FROM categories category
       WHERE lower(tickets.category) = lower(category.department || coalesce(' / ' || category.feature, ''))`);
    await queryRunner.query('ALTER TABLE tickets DROP COLUMN category');
    await queryRunner.query('CREATE INDEX tickets_category ON tickets (category_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE tickets ADD COLUMN category text');
    await queryRunner.query(`
      UPDATE tickets SET category = category.department || coalesce(' / ' || category.feature, '')
        FROM categories category WHERE category.id = tickets.category_id`);
    await queryRunner.query('ALTER TABLE tickets DROP COLUMN category_id');
    await queryRunner.query('DROP TABLE categories');
  }
}
