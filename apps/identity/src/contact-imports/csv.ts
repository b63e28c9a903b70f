/** One record of a CSV file and the line it starts on (1-based; a quoted field may span several lines). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

const byteOrderMark = '\ufeff';

/**
 * Parses comma-separated values as RFC 4180 describes them: fields in double quotes may hold commas, line breaks
 * and doubled quotes (`""`); records end with CRLF, or with LF or CR as other tools write them; a leading byte
 * order mark is ignored, as is the line break after the last record. A quote inside an unquoted field is kept as
 * text; text after a closing quote, or a quote never closed, is a syntax error naming its line.
 */
export function parseCsv(text: string): CsvRecord[] {
  const input = text.startsWith(byteOrderMark) ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let fieldStarted = false;
  let line = 1;
  let recordLine = 1;
  let index = 0;

  /** The length of the line break at `at` (CRLF is one break), 0 when there is none. */
  const lineBreakAt = (at: number) => (input[at] === '\r' ? (input[at + 1] === '\n' ? 2 : 1) : input[at] === '\n' ? 1 : 0);
  const endField = () => {
    fields.push(field);
    field = '';
    fieldStarted = false;
  };

  while (index < input.length) {
    const lineBreak = lineBreakAt(index);
    if (!fieldStarted && input[index] === '"') {
      index = readQuoted(index + 1);
      fieldStarted = true;
    } else if (lineBreak > 0) {
      endField();
      records.push({ line: recordLine, fields });
      fields = [];
      line += 1;
      recordLine = line;
      index += lineBreak;
    } else if (input[index] === ',') {
      endField();
      index += 1;
    } else {
      field += input[index];
      fieldStarted = true;
      index += 1;
    }
  }
  if (fieldStarted || fields.length > 0) {
    endField();
    records.push({ line: recordLine, fields });
  }
  return records;

  /** Reads a quoted field's content from just after its opening quote; returns where the text after it starts. */
  function readQuoted(from: number): number {
    const openedOn = line;
    let at = from;
    for (;;) {
      if (at >= input.length) throw new CsvSyntaxError(openedOn, `a quoted field opened on line ${openedOn} is never closed`);
      if (input[at] === '"' && input[at + 1] === '"') {
        field += '"';
        at += 2;
      } else if (input[at] === '"') {
        at += 1;
        break;
      } else {
        const lineBreak = lineBreakAt(at);
        if (lineBreak > 0) line += 1;
        const length = Math.max(lineBreak, 1);
        field += input.slice(at, at + length);
        at += length;
      }
    }
    if (at < input.length && input[at] !== ',' && lineBreakAt(at) === 0) {
      throw new CsvSyntaxError(line, `line ${line} has text after the closing quote of a field`);
    }
    return at;
  }
}
