/** Contacts from a CSV upload with the header `name,email,role`; any row out of shape rejects the file. */
export interface ContactRow {
  name: string;
  email: string;
  role: string;
}

export type CsvReading =
  | { kind: 'rows'; rows: ContactRow[] }
  | { kind: 'malformed'; line: number; issue: string };

const HEADER = 'name,email,role';

export function readContactsCsv(text: string): CsvReading {
  const lines = text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .filter((line) => line.trim() !== '');
  if (lines[0]?.trim().toLowerCase() !== HEADER) {
    return { kind: 'malformed', line: 1, issue: `the first line must be ${HEADER}` };
  }
  const rows: ContactRow[] = [];
  for (const [index, line] of lines.slice(1).entries()) {
    const cells = line.split(',').map((cell) => cell.trim());
    const [name, email, role] = cells;
    if (cells.length !== 3 || !name || !email || !role || !email.includes('@')) {
      return { kind: 'malformed', line: index + 2, issue: 'expected three cells: name, email, role' };
    }
    rows.push({ name, email, role });
  }
  if (rows.length === 0) return { kind: 'malformed', line: 2, issue: 'the file has no contact rows' };
  return { kind: 'rows', rows };
}
