import { sql, type RawBuilder } from 'kysely';

// A site's address on one line, as lists of jobs and plans show it: "ul. Bielańska 79/31, Warszawa".
// Here, not in the sites repo: repos of several modules join the sites table and write it alike.
export function siteLabelSql(alias: string): RawBuilder<string> {
  const site = sql.table(alias);
  return sql<string>`concat_ws(', ', ${site}.street || coalesce(' ' || ${site}.building, '') || coalesce('/' || ${site}.flat, ''), ${site}.city)`;
}
