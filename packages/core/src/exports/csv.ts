// CSV that spreadsheets open safely: RFC 4180 quoting, and no text cell a spreadsheet would run
// as a formula (OWASP's CSV injection advice: a cell starting with = + - @, a tab or a carriage
// return gets a leading apostrophe). Numbers we write ourselves are values, never formulas.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | Date | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  let text = value instanceof Date ? value.toISOString() : value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvRow = (cells: Parameters<typeof csvCell>[0][]) => `${cells.map(csvCell).join(",")}\r\n`;
