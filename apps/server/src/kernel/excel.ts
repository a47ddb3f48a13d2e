import type ExcelJSModule from 'exceljs';
import type { FastifyReply } from 'fastify';
import { AppError } from './errors.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MAX_IMPORT_ROWS = 20_000;

export type ExcelColumn<T> = { header: string; key: string; width?: number; value: (row: T) => string | number | boolean | null };

/** One sheet with a bold header row; headers are in the caller's language and are read back on import. */
/** exceljs is large (≈0.3 s to load): loaded at the first export or import, not at start. */
let excelJS: Promise<typeof ExcelJSModule> | undefined;
const loadExcelJS = () => (excelJS ??= import('exceljs').then((m) => m.default));

export async function toXlsx<T>(sheetName: string, columns: readonly ExcelColumn<T>[], rows: readonly T[]): Promise<Buffer> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 16 }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) {
    const values: Record<string, unknown> = {};
    for (const c of columns) values[c.key] = c.value(row);
    ws.addRow(values);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function sendXlsx(reply: FastifyReply, filename: string, body: Buffer): FastifyReply {
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(body);
}

/** Rows of the first sheet as records keyed by column key, matched by the header text in either language. */
export async function readXlsx(
  body: Buffer,
  headers: Record<string, readonly string[]>,
): Promise<{ rowNumber: number; values: Record<string, string> }[]> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    throw new AppError('invalid', 'import.invalid_file');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('invalid', 'import.invalid_file');
  const keyOfColumn = new Map<number, string>();
  ws.getRow(1).eachCell((cell, col) => {
    const text = String(cell.text ?? '').trim();
    for (const [key, names] of Object.entries(headers)) if (names.includes(text) || key === text) keyOfColumn.set(col, key);
  });
  if (keyOfColumn.size === 0) throw new AppError('invalid', 'import.invalid_file');
  if (ws.actualRowCount - 1 > MAX_IMPORT_ROWS) throw new AppError('invalid', 'import.too_many_rows', { max: MAX_IMPORT_ROWS });
  const rows: { rowNumber: number; values: Record<string, string> }[] = [];
  ws.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const values: Record<string, string> = {};
    let any = false;
    for (const [col, key] of keyOfColumn) {
      const text = String(row.getCell(col).text ?? '').trim();
      if (text) any = true;
      values[key] = text;
    }
    if (any) rows.push({ rowNumber, values });
  });
  return rows;
}
