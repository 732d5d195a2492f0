import { statementOf } from '../../test/support/statement';
import {
  acquireLeaseQuery,
  finishMigrationQuery,
  migrationStateQuery,
  renewLeaseQuery,
} from './migration.statements';

describe('migration lease Cypher', () => {
  it('takes the node lock before it reads the holder', () => {
    expect(statementOf(acquireLeaseQuery('host:1:ab', 60_000))).toMatchInlineSnapshot(`
     {
       "cypher": "MERGE (s:GraphState {key: 'migration'})
     SET s.claimedAt = timestamp()
     WITH s, (s.holder IS NULL OR s.leaseUntil < timestamp() OR s.holder = $holder) AS free
     SET s.holder = CASE WHEN free THEN $holder ELSE s.holder END,
         s.leaseUntil = CASE WHEN free THEN timestamp() + $leaseMs ELSE s.leaseUntil END
     RETURN free AS acquired, s.holder AS holder",
       "params": {
         "holder": "host:1:ab",
         "leaseMs": 60000,
       },
     }
    `);
  });

  it('renews and finishes only as the holder', () => {
    expect(statementOf(renewLeaseQuery('host:1:ab', 60_000))).toMatchInlineSnapshot(`
     {
       "cypher": "OPTIONAL MATCH (s:GraphState {key: 'migration'}) WHERE s.holder = $holder
     SET s.leaseUntil = timestamp() + $leaseMs
     RETURN s IS NOT NULL AS renewed",
       "params": {
         "holder": "host:1:ab",
         "leaseMs": 60000,
       },
     }
    `);
    expect(statementOf(finishMigrationQuery('host:1:ab', '0.1.0', true))).toMatchInlineSnapshot(`
     {
       "cypher": "MATCH (s:GraphState {key: 'migration'}) WHERE s.holder = $holder
     SET s.holder = null, s.leaseUntil = null, s.migratedAt = timestamp(), s.version = $version,
         s.migrations = coalesce(s.migrations, 0) + 1,
         s.seeds = coalesce(s.seeds, 0) + CASE WHEN $seeded THEN 1 ELSE 0 END
     RETURN s.migrations AS migrations, s.seeds AS seeds",
       "params": {
         "holder": "host:1:ab",
         "seeded": true,
         "version": "0.1.0",
       },
     }
    `);
  });

  it('tells a waiting replica whether a migration finished and none runs', () => {
    expect(statementOf(migrationStateQuery())).toMatchInlineSnapshot(`
     {
       "cypher": "OPTIONAL MATCH (s:GraphState {key: 'migration'})
     RETURN s.migratedAt AS migratedAt, s.version AS version,
            coalesce(s.holder IS NOT NULL AND s.leaseUntil >= timestamp(), false) AS running",
       "params": {},
     }
    `);
  });
});
