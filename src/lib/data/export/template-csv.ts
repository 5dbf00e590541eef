import { csvLine } from './dataset-csv';
import { EXPORT_HEADER } from './dataset-rows.sql';

/**
 * A file to start from: the expected columns and a few rows that load as they are, showing the
 * ways of writing forces, recommendations, statuses and dates that Oversight reads.
 */
export const TEMPLATE_ROWS: readonly (readonly string[])[] = [
  ['Kent', 'firearms-2023', 'R2', 'being progressed', '2023-09-30', 'Regional on-call rota drafted with Essex', 'Force tracker'],
  ['Kent', 'firearms-2023', 'R2', 'Complete', '15/03/2024', 'Rota live since 1 March 2024', 'Force tracker'],
  ['Metropolitan Police Service', 'firearms-2023', 'Rec 3', 'Amber', '31/10/2023', '', 'Force tracker'],
  ['Devon & Cornwall', 'group-cse-2023', 'Recommendation 2', 'pending sign off', '2024-01-31', 'Evidence submitted to HMICFRS', 'Force tracker'],
];

export function templateCsv(): string {
  return [EXPORT_HEADER, ...TEMPLATE_ROWS].map(csvLine).join('');
}
